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

/** {@code synod subnet replay} on the start of the real corpus with the two token workers (a few seconds). */
class SubnetReplayCommandTest {

    static final Path CORPUS =
            Path.of(System.getProperty("synod.text.dir", "../../../shared/data/text"), "spamassassin_corpus1.jsonl");

    private static int synod(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
        return Synod.run(args, new PrintStream(out), new PrintStream(err));
    }

    @Test
    void offlineReplayWritesExactlyTheDocumentedJson(@TempDir Path tmp) throws Exception {
        Path json = tmp.resolve("r.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(
                0,
                synod(
                        out,
                        new ByteArrayOutputStream(),
                        "subnet",
                        "replay",
                        "--data",
                        CORPUS.toString(),
                        "--workers",
                        "naive-bayes,bm25-knn",
                        "--offline",
                        "--messages",
                        "300",
                        "--json",
                        json.toString()));
        JsonNode r = Http.JSON.readTree(json.toFile());
        List<String> keys = new ArrayList<>();
        r.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("data", "messages", "scored", "workers", "network", "best_worker"), keys);
        assertEquals(CORPUS.toString(), r.get("data").asText());
        assertEquals(300, r.get("messages").asInt());
        assertEquals(300 - 199, r.get("scored").asInt(), "scored from the 200th message on");
        List<String> workers = new ArrayList<>();
        r.get("workers").fieldNames().forEachRemaining(workers::add);
        assertEquals(List.of("naive-bayes", "bm25-knn"), workers);
        for (JsonNode s : List.of(r.at("/workers/naive-bayes"), r.at("/workers/bm25-knn"), r.get("network"))) {
            List<String> fields = new ArrayList<>();
            s.fieldNames().forEachRemaining(fields::add);
            assertEquals(List.of("accuracy", "log_loss"), fields);
            assertTrue(s.get("accuracy").asDouble() > 0.5 && s.get("accuracy").asDouble() <= 1, s.toString());
            assertTrue(s.get("log_loss").asDouble() > 0, s.toString());
        }
        String best = r.at("/workers/naive-bayes/log_loss").asDouble()
                        <= r.at("/workers/bm25-knn/log_loss").asDouble()
                ? "naive-bayes"
                : "bm25-knn";
        assertEquals(best, r.get("best_worker").asText());
        String table = out.toString();
        assertTrue(table.contains("messages 300, scored 101"), table);
        assertTrue(table.contains("network"), table);
        assertTrue(table.endsWith("wrote " + json + System.lineSeparator()), table);
    }

    @Test
    void withoutOfflineItRefusesAndBadArgumentsExitTwo(@TempDir Path tmp) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, synod(new ByteArrayOutputStream(), err, "subnet", "replay", "--data", CORPUS.toString()));
        assertTrue(err.toString().contains("only --offline is served yet"), err.toString());
        assertEquals(2, synod(new ByteArrayOutputStream(), new ByteArrayOutputStream(), "subnet", "replay"));
        assertEquals(
                2,
                synod(
                        new ByteArrayOutputStream(),
                        new ByteArrayOutputStream(),
                        "subnet",
                        "replay",
                        "--data",
                        tmp.resolve("missing.jsonl").toString(),
                        "--offline"));
        err = new ByteArrayOutputStream();
        assertEquals(
                2,
                synod(
                        new ByteArrayOutputStream(),
                        err,
                        "subnet",
                        "replay",
                        "--data",
                        CORPUS.toString(),
                        "--workers",
                        "naive-bayes,gpt",
                        "--offline"));
        assertTrue(err.toString().contains("unknown worker 'gpt'"), err.toString());
        Path bad = tmp.resolve("bad.jsonl");
        Files.writeString(bad, "{\"t\": \"x\", \"id\": \"1\", \"label\": \"ham\"}\n");
        err = new ByteArrayOutputStream();
        assertEquals(
                2, synod(new ByteArrayOutputStream(), err, "subnet", "replay", "--data", bad.toString(), "--offline"));
        assertTrue(err.toString().contains("line 1 has no string 'text'"), err.toString());
        assertEquals(2, synod(new ByteArrayOutputStream(), new ByteArrayOutputStream(), "subnet"));
    }
}
