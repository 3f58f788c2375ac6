package network.synod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code synod yuma} on subtensor's cases (shared/reference/yuma/cases.json): the output has exactly the
 * documented shape, and its values meet every u16, emission, bond and Yuma3-dividend expectation of the case
 * file, read here straight from the file; a malformed case file is exit 2 and leaves no output behind.
 */
class YumaCommandTest {

    static final Path CASES =
            Path.of(System.getProperty("synod.yuma.cases", "../../../shared/reference/yuma/cases.json"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> EPOCH_KEYS = List.of(
            "block",
            "validator_permit",
            "consensus_u16",
            "incentive_u16",
            "dividends_u16",
            "validator_trust_u16",
            "emission",
            "server_emission",
            "validator_emission",
            "bonds_u16");

    record Result(int code, String out, String err) {}

    private static Result synod(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Synod.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theOutputMeetsEveryExpectationOfTheCaseFile(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("yuma.json");
        Result r = synod("yuma", "--cases", CASES.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("wrote " + out + System.lineSeparator(), r.out());

        JsonNode expected = JSON.readTree(CASES.toFile());
        JsonNode actual = JSON.readTree(out.toFile());
        assertEquals(List.of("cases"), names(actual));
        assertEquals(expected.get("cases").size(), actual.get("cases").size());
        int checks = 0;
        for (int c = 0; c < expected.get("cases").size(); c++) {
            JsonNode spec = expected.get("cases").get(c);
            JsonNode got = actual.get("cases").get(c);
            assertEquals(List.of("name", "epochs"), names(got));
            String name = spec.get("name").asText();
            assertEquals(name, got.get("name").asText());
            int n = spec.get("network").get("n").asInt();
            Iterator<JsonNode> epochs = got.get("epochs").iterator();
            for (JsonNode step : spec.get("steps")) {
                if (!step.get("op").asText().equals("epoch")) {
                    continue;
                }
                assertTrue(epochs.hasNext(), name + ": an epoch is missing from the output");
                JsonNode epoch = epochs.next();
                assertEquals(EPOCH_KEYS, names(epoch), name);
                assertEquals(step.get("block").asLong(), epoch.get("block").asLong());
                for (String key : EPOCH_KEYS.subList(1, EPOCH_KEYS.size())) {
                    assertEquals(n, epoch.get(key).size(), name + ": " + key + " has one entry per uid");
                }
                if (step.has("expect")) {
                    checks += check(name + " @ " + step.get("block"), step.get("expect"), epoch);
                }
            }
            assertFalse(epochs.hasNext(), name + ": more epochs than the case has");
        }
        assertTrue(checks > 100, "checked " + checks);
    }

    private static int check(String where, JsonNode expect, JsonNode epoch) {
        int checks = 0;
        for (Map.Entry<String, JsonNode> e : iterable(expect.fields())) {
            String key = e.getKey();
            switch (key) {
                case "consensus_u16", "incentive_u16", "dividends_u16", "emission" -> {
                    for (Map.Entry<String, JsonNode> u : iterable(e.getValue().fields())) {
                        assertEquals(
                                u.getValue().asLong(),
                                epoch.get(key).get(Integer.parseInt(u.getKey())).asLong(),
                                where + ": " + key + " of uid " + u.getKey());
                        checks++;
                    }
                }
                case "bonds_u16" -> {
                    for (Map.Entry<String, JsonNode> b : iterable(e.getValue().fields())) {
                        String[] ij = b.getKey().split(",");
                        assertEquals(
                                b.getValue().asInt(),
                                bond(epoch, Integer.parseInt(ij[0]), Integer.parseInt(ij[1])),
                                where + ": bond " + b.getKey());
                        checks++;
                    }
                }
                case "dividends_fixed_proportion_abs" -> {
                    double tol = e.getValue().get("tol").asDouble();
                    JsonNode values = e.getValue().get("values");
                    for (int i = 0; i < values.size(); i++) {
                        double dividend = epoch.get("dividends_u16").get(i).asInt() / 65535.0;
                        assertTrue(
                                Math.abs(dividend - values.get(i).floatValue()) <= tol + 1e-9,
                                where + ": dividend of uid " + i + " is " + dividend);
                        checks++;
                    }
                }
                case "log_contains" -> {
                    // Trace-log vectors are core's YumaCasesTest's business; the command writes storage values.
                }
                default -> throw new AssertionError(where + ": unknown expectation " + key);
            }
        }
        return checks;
    }

    /** The stored bond (i, j) from the sparse rows, whose entries must be sorted by destination uid. */
    private static int bond(JsonNode epoch, int i, int j) {
        int value = 0;
        int previous = -1;
        for (JsonNode entry : epoch.get("bonds_u16").get(i)) {
            assertTrue(entry.get(0).asInt() > previous, "bonds rows are sorted by dest uid");
            previous = entry.get(0).asInt();
            if (previous == j) {
                value = entry.get(1).asInt();
            }
        }
        return value;
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static <T> Iterable<T> iterable(Iterator<T> it) {
        return () -> it;
    }

    /** The real case file with one change, written to {@code tmp}. */
    private static Path edited(Path tmp, java.util.function.Consumer<ObjectNode> edit) throws Exception {
        ObjectNode tree = (ObjectNode) JSON.readTree(CASES.toFile());
        edit.accept(tree);
        Path file = tmp.resolve("cases.json");
        JSON.writeValue(file.toFile(), tree);
        return file;
    }

    private static void assertRefused(Path tmp, Path cases, String message) throws Exception {
        Path out = tmp.resolve("out.json");
        Result r = synod("yuma", "--cases", cases.toString(), "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("synod yuma: "), r.err());
        assertTrue(r.err().contains(message), r.err());
        assertTrue(r.err().contains("Usage: synod yuma"), r.err());
        assertEquals("", r.out());
        assertFalse(Files.exists(out), "no output file after a refused case file");
        try (var files = Files.list(tmp)) {
            assertEquals(
                    List.of(cases.getFileName().toString()),
                    files.map(p -> p.getFileName().toString()).toList(),
                    "no temporary file left behind");
        }
    }

    @Test
    void anUnknownOpIsExit2AndNoOutputFile(@TempDir Path tmp) throws Exception {
        Path cases = edited(
                tmp, t -> ((ObjectNode) t.get("cases").get(3).get("steps").get(4)).put("op", "teleport"));
        assertRefused(tmp, cases, "cases[3].steps[4].op: unknown op 'teleport'");
    }

    @Test
    void aVectorOfTheWrongLengthIsExit2AndNoOutputFile(@TempDir Path tmp) throws Exception {
        Path cases = edited(
                tmp,
                t -> ((ArrayNode) t.get("cases").get(2).get("initial_state").get("stake")).add(1));
        assertRefused(tmp, cases, "cases[2].initial_state.stake: 11 entries, expected one per uid (n = 10)");
    }

    @Test
    void aStepThatFailsInTheReplayIsExit2AndNoOutputFile(@TempDir Path tmp) throws Exception {
        // dests are each < n, so the file reads; the duplicate is found when the op is applied.
        Path cases = edited(tmp, t -> {
            ObjectNode step = (ObjectNode) t.get("cases").get(0).get("steps").get(0);
            step.putArray("dests").add(3).add(3);
        });
        assertRefused(tmp, cases, "uid 3 appears twice");
    }

    @Test
    void aFileThatIsNotJsonOrNotThereIsExit2(@TempDir Path tmp) throws Exception {
        Path broken = tmp.resolve("cases.json");
        Files.writeString(broken, "{\"cases\": [");
        assertRefused(tmp, broken, "is not JSON");
        Files.delete(broken);
        Result r = synod(
                "yuma",
                "--cases",
                broken.toString(),
                "--out",
                tmp.resolve("out.json").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("no such case file"), r.err());
    }

    @Test
    void aRefusedRunLeavesAnEarlierOutputFileAsItWas(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out.json");
        Files.writeString(out, "earlier");
        Path cases = edited(tmp, t -> ((ObjectNode) t.get("cases").get(0)).remove("network"));
        Result r = synod("yuma", "--cases", cases.toString(), "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("cases[0].network: expected an object"), r.err());
        assertEquals("earlier", Files.readString(out));
    }

    @Test
    void anOutputThatCannotBeWrittenIsOneLineAndExit1(@TempDir Path tmp) {
        Path out = tmp.resolve("no-such-dir").resolve("out.json");
        Result r = synod("yuma", "--cases", CASES.toString(), "--out", out.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().startsWith("synod: cannot write " + out), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }
}
