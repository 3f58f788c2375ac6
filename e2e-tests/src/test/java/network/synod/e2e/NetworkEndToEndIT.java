package network.synod.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import network.synod.cli.LocalNetwork;
import network.synod.cli.OnlineNetwork;
import network.synod.core.events.TopicSpec;
import network.synod.core.forecast.ReferenceForecasters;
import network.synod.core.replay.InProcessNetwork;
import network.synod.core.replay.Replay;
import network.synod.core.replay.ReplayPlan;
import network.synod.core.replay.ReplayReport;
import network.synod.core.replay.Series;
import network.synod.core.synthesis.SynthesisMode;
import network.synod.core.synthesis.TopicParams;

/**
 * The core path through real processes: clients ask the gateway, workers answer over OIP, scoring takes the
 * truth and publishes weights over Kafka, the gateway applies them, the next answer uses them. The online
 * replay must give exactly what the in-process replay gives.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NetworkEndToEndIT {

    static final Map<String, String> KINDS = new LinkedHashMap<>(
            Map.of("last", "last", "ma5", "ma", "ema0.3", "ema", "trend10", "trend", "snaive", "snaive"));
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static LocalCluster cluster;
    static LocalNetwork network;

    @BeforeAll
    static void start() throws Exception {
        cluster = new LocalCluster(KINDS);
        network = cluster.network(KINDS);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void onlineReplayAgreesWithTheOfflineReplay() throws Exception {
        Series full =
                Series.read(Path.of(System.getProperty("synod.series.dir")).resolve("co2_monthly.csv"));
        int season = 12;
        ReplayPlan plan = ReplayPlan.of(full.values(), season);
        int n = plan.firstStep() + 120;
        double[] v = java.util.Arrays.copyOf(full.values(), n);
        Series series = new Series(full.name(), full.times().subList(0, n), v);
        for (SynthesisMode mode : SynthesisMode.values()) {
            String topic = "co2-" + mode.id();
            List<String> names = List.of("last", "ma5", "ema0.3", "trend10", "snaive12");
            network.register(
                    topic, new TopicSpec("mse", mode.id(), season, null, null, null, null, plan.lossFloor(), 1), names);
            ReplayReport online = Replay.run(series, plan, mode.id(), new OnlineNetwork(network, topic), s -> {});
            ReplayReport offline = Replay.run(
                    series,
                    plan,
                    mode.id(),
                    new InProcessNetwork(
                            TopicParams.defaults(mode, season).withLossFloor(plan.lossFloor()),
                            ReferenceForecasters.forSeason(season),
                            Map.of()),
                    s -> {});
            assertEquals(offline.ratio(), online.ratio(), 1e-9, mode + " ratio");
            assertEquals(offline.workers().keySet(), online.workers().keySet());
            offline.workers()
                    .forEach((w, mse) -> assertEquals(mse, online.workers().get(w), 1e-9 * mse, w));
            // The weights moved: the gateway serves the state of the last scored epoch, no longer uniform.
            JsonNode t = get(network.gateway() + "/v1/topics/" + topic);
            assertEquals(n - 1, t.get("stateEpoch").asLong());
            assertTrue(
                    t.get("weights").get("last").asDouble()
                            > t.get("weights").get("trend10").asDouble(),
                    t.get("weights").toString());
        }
    }

    @Test
    @Order(2)
    void aRedeliveredTruthChangesNothing() throws Exception {
        JsonNode before = get(network.scoring() + "/v1/topics/co2-synod/state");
        long epoch = before.get("epoch").asLong();
        HttpResponse<String> again = post(
                network.scoring() + "/v1/topics/co2-synod/ground-truth",
                Map.of("epoch", epoch, "value", 0.0),
                "synod-reputer");
        assertEquals(409, again.statusCode(), again.body());
        assertEquals(before, get(network.scoring() + "/v1/topics/co2-synod/state"));
    }

    @Test
    @Order(3)
    void aDeadWorkerDegradesTheAnswerWithoutFailingIt() throws Exception {
        cluster.workers.get("trend10").kill();
        HttpResponse<String> r = post(
                network.gateway() + "/v1/topics/co2-synod/inferences",
                Map.of("window", new double[] {
                    315.7, 317.5, 317.6, 316.7, 314.8, 313.8, 313.3, 314.2, 315.2, 316.2, 316.7, 317.3, 318.5
                }),
                null);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = JSON.readTree(r.body());
        assertTrue(body.get("failed").has("trend10"), r.body());
        assertEquals(4, body.get("workers").size());
    }

    static JsonNode get(String url) throws Exception {
        HttpResponse<String> r =
                HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), url + ": " + r.body());
        return JSON.readTree(r.body());
    }

    static HttpResponse<String> post(String url, Object body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
