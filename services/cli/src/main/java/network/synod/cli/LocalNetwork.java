package network.synod.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import network.synod.core.events.TopicSpec;

/**
 * A running local network as {@code synod up} describes it in {@code .synod/network.json}: where its
 * services listen, the credentials it was started with, and the workers it runs.
 */
public record LocalNetwork(
        String gateway, String scoring, String adminToken, String reputerToken, SortedMap<String, Worker> workers) {

    /** A worker process: its OIP URL, the model name it serves, its role and kind. */
    public record Worker(String url, String model, String role, String kind) {}

    static final Path FILE = Path.of(".synod", "network.json");

    /** No {@code synod up} is running here: a command that needs one was called without it (or --offline). */
    static final class NotRunningException extends IllegalStateException {
        NotRunningException() {
            super("no running network: start one with './synod up' (or use --offline)");
        }
    }

    void write() throws IOException {
        Files.createDirectories(FILE.getParent());
        Http.JSON.writerWithDefaultPrettyPrinter().writeValue(FILE.toFile(), this);
    }

    static LocalNetwork read() throws IOException {
        if (!Files.exists(FILE)) {
            throw new NotRunningException();
        }
        JsonNode n = Http.JSON.readTree(FILE.toFile());
        SortedMap<String, Worker> workers = new TreeMap<>();
        n.get("workers")
                .fields()
                .forEachRemaining(e -> workers.put(e.getKey(), Http.JSON.convertValue(e.getValue(), Worker.class)));
        return new LocalNetwork(
                n.get("gateway").asText(),
                n.get("scoring").asText(),
                n.get("adminToken").asText(),
                n.get("reputerToken").asText(),
                workers);
    }

    /** Registers a topic with the gateway and scoring, and the named workers with the gateway. */
    public void register(String topic, TopicSpec spec, Iterable<String> workerNames) throws Exception {
        Http.send("PUT", gateway + "/v1/admin/topics/" + topic, spec, adminToken);
        Http.send("PUT", scoring + "/v1/admin/topics/" + topic, spec, adminToken);
        for (String name : workerNames) {
            Worker w = workers.get(name);
            if (w == null && name.startsWith("snaive")) {
                // One seasonal-naive process serves every season: the season travels with each request.
                w = workers.get("snaive");
            }
            if (w == null) {
                throw new IllegalStateException("the running network has no worker '" + name + "'");
            }
            Http.send(
                    "PUT",
                    gateway + "/v1/admin/topics/" + topic + "/workers/" + name,
                    Map.of("url", w.url(), "model", w.model(), "role", w.role()),
                    adminToken);
        }
    }
}
