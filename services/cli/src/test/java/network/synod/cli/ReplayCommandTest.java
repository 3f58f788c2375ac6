package network.synod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCommandTest {

    static final Path SERIES = Path.of(System.getProperty("synod.series.dir", "../../../shared/data/series"));

    private static int synod(String... args) {
        return Synod.run(
                args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
    }

    @Test
    void offlineReplayWritesExactlyTheDocumentedJson(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("r.json");
        assertEquals(
                0,
                synod(
                        "replay",
                        "--series",
                        SERIES.resolve("elnino_sst_monthly.csv").toString(),
                        "--workers",
                        "reference",
                        "--mode",
                        "allora",
                        "--offline",
                        "--json",
                        out.toString()));
        JsonNode r = Http.JSON.readTree(out.toFile());
        List<String> keys = new ArrayList<>();
        r.fieldNames().forEachRemaining(keys::add);
        assertEquals(
                List.of("series", "steps", "mode", "workers", "best_worker", "best_worker_mse", "network_mse", "ratio"),
                keys);
        assertEquals("elnino_sst_monthly", r.get("series").asText());
        assertEquals(732 - 12, r.get("steps").asInt(), "season 12 read from meta.json: scored from step 12");
        assertEquals(5, r.get("workers").size());
        assertEquals(
                r.get("network_mse").asDouble() / r.get("best_worker_mse").asDouble(),
                r.get("ratio").asDouble(),
                1e-12);
        assertEquals(0.779, r.get("ratio").asDouble(), 0.03);
    }

    @Test
    void badArgumentsGetAMessageAndANonZeroExit(@TempDir Path tmp) throws Exception {
        assertEquals(2, synod("replay"));
        assertEquals(2, synod("replay", "--series", tmp.resolve("missing.csv").toString(), "--offline"));
        assertEquals(
                2,
                synod(
                        "replay",
                        "--series",
                        SERIES.resolve("co2_monthly.csv").toString(),
                        "--mode",
                        "magic",
                        "--offline"));
        assertEquals(
                2,
                synod(
                        "replay",
                        "--series",
                        SERIES.resolve("co2_monthly.csv").toString(),
                        "--workers",
                        "some",
                        "--offline"));
        assertEquals(2, synod("nope"));
        Path bad = tmp.resolve("bad.csv");
        Files.writeString(bad, "t,value\n1,2\n2,abc\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(
                2,
                Synod.run(
                        new String[] {"replay", "--series", bad.toString(), "--offline"},
                        new PrintStream(new ByteArrayOutputStream()),
                        new PrintStream(err)));
        assertTrue(err.toString().contains("not a number"), err.toString());
    }
}
