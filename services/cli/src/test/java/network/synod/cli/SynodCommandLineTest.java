package network.synod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Help;

/**
 * The command line's surface: every option the hand-written parser accepted is still there and in the help, and
 * every mistake gets the one usage-error style (message and usage on stderr, exit 2). The option lists below are
 * written from the old parser, not read from the picocli model under test.
 */
class SynodCommandLineTest {

    /** The old {@code Synod} dispatch: its commands (bench, completion and yuma are new). */
    static final List<String> COMMANDS = List.of("up", "replay", "subnet", "help", "bench", "completion", "yuma");
    /** The old {@code UpCommand}: {@code Set.of("port", "mode")}. */
    static final List<String> UP_OPTIONS = List.of("--port", "--mode");
    /** The old {@code ReplayCommand}: values {@code series season workers mode json steps}, flag {@code offline}. */
    static final List<String> REPLAY_OPTIONS =
            List.of("--series", "--season", "--workers", "--mode", "--offline", "--json", "--steps");
    /** The old {@code GatewayBenchmark.main}: five positional whole numbers. */
    static final List<String> BENCH_ARGUMENTS =
            List.of("CONCURRENCY", "SECONDS", "LATENCY_REQUESTS", "WORKERS", "WARMUP");

    static final Path CO2 = ReplayCommandTest.SERIES.resolve("co2_monthly.csv");

    record Result(int code, String out, String err) {}

    private static Result synod(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Synod.commandLine()
                .setColorScheme(Help.defaultColorScheme(Help.Ansi.OFF))
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private static void assertListed(String help, String name) {
        assertTrue(
                Pattern.compile("(?m)^\\s+(-\\w, )?\\[?" + Pattern.quote(name) + "\\b")
                        .matcher(help)
                        .find(),
                name + " is not listed in:\n" + help);
    }

    private static void assertUsageError(Result r, String command, String message) {
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith(command + ": "), r.err());
        assertTrue(r.err().contains(message), r.err());
        assertTrue(r.err().contains("Usage: " + command), r.err());
        assertEquals("", r.out());
    }

    @Test
    void upRefusesToStartOverAPortInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertUsageError(
                    synod("up", "--port", String.valueOf(port)),
                    "synod up",
                    "port " + port + " on 127.0.0.1 is in use");
        }
    }

    @Test
    void rootHelpListsEveryCommandAndTheStandardOptions() {
        Result r = synod("--help");
        assertEquals(0, r.code(), r.err());
        for (String command : COMMANDS) {
            assertListed(r.out(), command);
        }
        assertListed(r.out(), "--help");
        assertListed(r.out(), "--version");
        assertTrue(r.out().contains("Exit codes:"), r.out());
        assertEquals(r.out(), synod("help").out());
    }

    @Test
    void replayHelpListsEveryOptionWithItsDefault() {
        Result r = synod("replay", "--help");
        assertEquals(0, r.code(), r.err());
        for (String option : REPLAY_OPTIONS) {
            assertListed(r.out(), option);
        }
        // Descriptions wrap at the help's width: compared with the line breaks and indentation folded to spaces.
        String text = r.out().replaceAll("\\s+", " ");
        assertTrue(text.contains("the loss forecaster (default: all)"), r.out());
        assertTrue(text.contains("allora, synod (default: the topic's default, synod)"), r.out());
        assertTrue(text.contains("(default: from meta.json beside the series, else none)"), r.out());
        assertEquals(r.out(), synod("help", "replay").out());
    }

    @Test
    void upAndBenchHelpListEveryOptionAndArgument() {
        Result up = synod("up", "--help");
        assertEquals(0, up.code(), up.err());
        for (String option : UP_OPTIONS) {
            assertListed(up.out(), option);
        }
        assertTrue(up.out().replaceAll("\\s+", " ").contains("(default: 8080)"), up.out());
        Result bench = synod("bench", "gateway", "--help");
        assertEquals(0, bench.code(), bench.err());
        for (String argument : BENCH_ARGUMENTS) {
            assertListed(bench.out(), argument);
        }
        assertListed(synod("bench", "--help").out(), "gateway");
    }

    @Test
    void yumaHelpListsItsOptionsAndBothAreRequired() {
        Result r = synod("yuma", "--help");
        assertEquals(0, r.code(), r.err());
        assertListed(r.out(), "--cases");
        assertListed(r.out(), "--out");
        assertUsageError(synod("yuma", "--out", "x.json"), "synod yuma", "Missing required option: '--cases");
        assertUsageError(synod("yuma", "--cases", "x.json"), "synod yuma", "Missing required option: '--out");
    }

    @Test
    void versionIsTheProjectVersion() {
        Result r = synod("--version");
        assertEquals(0, r.code());
        assertTrue(r.out().matches("synod \\d+\\.\\d+\\.\\d+\\S*\\R"), r.out());
    }

    @Test
    void anUnknownOptionGetsTheMessageTheUsageAndExit2() {
        assertUsageError(synod("replay", "--bogus"), "synod replay", "Unknown option: '--bogus'");
        assertUsageError(synod("--bogus"), "synod", "Unknown option: '--bogus'");
        assertUsageError(synod("up", "--bogus"), "synod up", "Unknown option: '--bogus'");
        assertUsageError(synod("nope"), "synod", "'nope'");
        assertUsageError(synod(), "synod", "Missing required subcommand");
        assertUsageError(synod("bench"), "synod bench", "Missing required subcommand");
    }

    @Test
    void aBadValueGetsTheMessageTheUsageAndExit2() {
        assertUsageError(
                synod("replay", "--series", CO2.toString(), "--steps", "many", "--offline"),
                "synod replay",
                "'many' is not an int");
        assertUsageError(
                synod("replay", "--series", CO2.toString(), "--steps", "0", "--offline"),
                "synod replay",
                "--steps must be > 0");
        assertUsageError(synod("replay", "--series"), "synod replay", "--series");
        assertUsageError(synod("up", "--port", "eighty"), "synod up", "'eighty' is not an int");
    }

    @Test
    void theGatewayBenchmarkChecksItsArgumentsBeforeStartingAnything() {
        assertUsageError(synod("bench", "gateway", "x"), "synod bench gateway", "'x' is not an int");
        assertUsageError(synod("bench", "gateway", "0"), "synod bench gateway", "CONCURRENCY must be at least 1");
        assertUsageError(
                synod("bench", "gateway", "1", "1", "1", "9"), "synod bench gateway", "WORKERS must be at most 8");
        assertUsageError(
                synod("bench", "gateway", "1", "1", "1", "1", "-1"),
                "synod bench gateway",
                "WARMUP must be at least 0");
        assertUsageError(synod("bench", "gateway", "1", "1", "1", "1", "1", "1"), "synod bench gateway", "'1'");
    }

    @Test
    void aFailureAfterParsingIsOneLineAndExit1(@TempDir Path tmp) {
        Path json = tmp.resolve("no-such-dir").resolve("r.json");
        Result r = synod(
                "replay",
                "--series",
                CO2.toString(),
                "--workers",
                "reference",
                "--offline",
                "--steps",
                "5",
                "--json",
                json.toString());
        assertEquals(1, r.code(), r.err());
        assertEquals("synod: " + json + System.lineSeparator(), r.err());
    }

    @Test
    void offATerminalAReplayWritesItsTableAndNothingElse() {
        Result r = synod("replay", "--series", CO2.toString(), "--workers", "reference", "--offline", "--steps", "24");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err(), "no progress bar when stderr is not a terminal");
        assertTrue(r.out().contains("network"), r.out());
    }

    @Test
    void completionPrintsABashScriptForEveryCommand() {
        Result r = synod("completion");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("#!/usr/bin/env bash"), r.out());
        assertTrue(r.out().contains("complete -F _complete_synod"), r.out());
        for (String command : List.of("up", "replay", "bench", "bench_gateway")) {
            assertTrue(r.out().contains("_picocli_synod_" + command + "()"), command);
        }
        for (String option : REPLAY_OPTIONS) {
            assertTrue(r.out().contains(option), option);
        }
    }
}
