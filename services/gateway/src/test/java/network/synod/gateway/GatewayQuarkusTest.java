package network.synod.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import network.synod.core.events.InferenceRecord;
import network.synod.core.events.TopicSpec;
import network.synod.core.events.WeightUpdate;
import network.synod.core.forecast.ReferenceForecasters;
import network.synod.core.synthesis.NetworkInference;
import network.synod.core.synthesis.Synthesizer;
import network.synod.core.synthesis.TopicParams;
import network.synod.core.synthesis.TopicState;
import network.synod.embedded.KafkaTestResource;
import network.synod.embedded.PostgresTestResource;

@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
class GatewayQuarkusTest {

    static final String ADMIN = "Bearer synod-admin";
    static final double[] WINDOW = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233};

    static ReferenceWorkerServer last;
    static ReferenceWorkerServer ma;
    static ReferenceWorkerServer trend;
    static ReferenceWorkerServer slow;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper json;

    @BeforeAll
    static void workers() throws Exception {
        last = new ReferenceWorkerServer(ReferenceForecasters.byKind("last", 0), 0);
        ma = new ReferenceWorkerServer(ReferenceForecasters.byKind("ma", 0), 0);
        trend = new ReferenceWorkerServer(ReferenceForecasters.byKind("trend", 0), 0);
        slow = new ReferenceWorkerServer(ReferenceForecasters.byKind("ema", 0), 3000);
    }

    @AfterAll
    static void stop() {
        for (ReferenceWorkerServer w : List.of(last, ma, trend, slow)) {
            w.close();
        }
    }

    private static void topicWith(String topic, String mode, Map<String, String> workers) {
        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("mode", mode))
                .put("/v1/admin/topics/" + topic)
                .then()
                .statusCode(200);
        workers.forEach((name, url) -> given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("url", url))
                .put("/v1/admin/topics/" + topic + "/workers/" + name)
                .then()
                .statusCode(200));
    }

    private static Response ask(String topic, long epoch) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("window", WINDOW, "epoch", epoch))
                .post("/v1/topics/" + topic + "/inferences");
    }

    @Test
    void answersWithThePlainMeanBeforeAnyHistoryAndPublishesTheRecord() throws Exception {
        topicWith("cold", "allora", Map.of("last", last.url(), "ma5", ma.url(), "trend10", trend.url()));
        double expected = (233
                        + (34 + 55 + 89 + 144 + 233) / 5.0
                        + ReferenceForecasters.byKind("trend", 0)
                                .predict(new network.synod.core.forecast.ForecastContext(12, WINDOW, 0)))
                / 3;
        ask("cold", 12)
                .then()
                .statusCode(200)
                .body("epoch", equalTo(12))
                .body("mode", equalTo("allora"))
                .body("value", equalTo((float) expected))
                .body("workers", hasSize(3))
                .body("band", hasKey("p50"));

        InferenceRecord record = awaitRecord("cold", 12);
        assertEquals(expected, record.inference().value(), 1e-12);
    }

    @Test
    void theNextInferenceUsesTheWeightsScoringPublished() throws Exception {
        topicWith("learn", "allora", Map.of("last", last.url(), "ma5", ma.url(), "trend10", trend.url()));
        TopicParams params = new TopicSpec(null, "allora", null, null, null, null, null, null, null).toParams();
        // Scoring's side, done here with the same pure functions: 15 epochs of truth, enough to leave cold start.
        TopicState state = TopicState.initial();
        for (int e = 0; e < 15; e++) {
            NetworkInference n = Synthesizer.infer(
                    params,
                    state,
                    233,
                    new TreeMap<>(Map.of("last", 233.0, "ma5", 111.0, "trend10", 260.0)),
                    new TreeMap<>());
            state = Synthesizer.score(params, state, n, 240 + e).next();
        }
        publish(new WeightUpdate("learn", 14, state));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> given().get("/v1/topics/learn")
                        .then()
                        .extract()
                        .path("stateEpoch")
                        .equals(14));

        Response r = ask("learn", 15);
        r.then().statusCode(200);
        // Read with Jackson: RestAssured's JSON path reads numbers as floats.
        var body = json.readTree(r.asString());
        // Allora's network inference is the weighted mean of the answers, with the weights the answer reports; after
        // 15 scored epochs they are no longer the cold start's equal thirds.
        double weighted = 0;
        double total = 0;
        SortedMap<String, Double> weights = new TreeMap<>();
        for (var w : body.get("workers")) {
            weighted += w.get("weight").asDouble() * w.get("value").asDouble();
            total += w.get("weight").asDouble();
            weights.put(w.get("id").asText(), w.get("weight").asDouble());
        }
        double learnt = body.get("value").asDouble();
        assertEquals(weighted / total, learnt, 1e-9);
        assertEquals(1.0, total, 1e-9);
        assertTrue(weights.values().stream().anyMatch(w -> Math.abs(w - 1.0 / 3) > 0.01), weights.toString());

        // A redelivered, older update changes nothing. The sentinel after it, for another topic on the same
        // single-partition topic, is applied only once the older one has been consumed.
        topicWith("learn-sentinel", "allora", Map.of("last", last.url()));
        publish(new WeightUpdate("learn", 3, TopicState.initial()));
        publish(new WeightUpdate("learn-sentinel", 1, TopicState.initial()));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> given().get("/v1/topics/learn-sentinel")
                        .then()
                        .extract()
                        .path("stateEpoch")
                        .equals(1));
        given().get("/v1/topics/learn").then().body("stateEpoch", equalTo(14));
        assertEquals(
                learnt, json.readTree(ask("learn", 16).asString()).get("value").asDouble(), 1e-9);
    }

    @Test
    void aDeadOrSlowWorkerDegradesTheAnswerWithoutFailingIt() {
        topicWith(
                "degraded",
                "allora",
                Map.of("last", last.url(), "ma5", ma.url(), "slow", slow.url(), "dead", "http://127.0.0.1:1"));
        ask("degraded", 12)
                .then()
                .statusCode(200)
                .body("workers", hasSize(2))
                .body("failed", hasKey("dead"))
                .body("failed", hasKey("slow"))
                .body("value", equalTo((float) ((233 + (34 + 55 + 89 + 144 + 233) / 5.0) / 2)));
    }

    @Test
    void withNoWorkerAnsweringItIs503() {
        topicWith("dead", "allora", Map.of("gone", "http://127.0.0.1:1"));
        ask("dead", 12)
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("detail", containsString("no worker"));
    }

    @Test
    void badInputGetsAProblemAndChangesNothing() {
        topicWith("strict", "synod", Map.of("last", last.url()));
        given().contentType(ContentType.JSON)
                .body("{\"window\": [1, 2,")
                .post("/v1/topics/strict/inferences")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body("{\"window\": [1, NaN]}")
                .post("/v1/topics/strict/inferences")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body("{\"window\": [1, 1e999]}")
                .post("/v1/topics/strict/inferences")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("finite"));
        given().contentType(ContentType.JSON)
                .body("{\"window\": []}")
                .post("/v1/topics/strict/inferences")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        ask("nope", 1).then().statusCode(404).contentType("application/problem+json");
        StringBuilder big = new StringBuilder("{\"window\": [1");
        while (big.length() < 1_200_000) {
            big.append(",1.5");
        }
        given().contentType(ContentType.JSON)
                .body(big.append("]}").toString())
                .post("/v1/topics/strict/inferences")
                .then()
                .statusCode(413)
                .contentType("application/problem+json");
        // Nothing above reached a worker or moved the topic.
        given().get("/v1/topics/strict")
                .then()
                .statusCode(200)
                .body("inFlight", equalTo(0))
                .body("stateEpoch", equalTo(-1));
    }

    @Test
    void writesNeedTheAdminCredential() {
        given().contentType(ContentType.JSON)
                .body(Map.of())
                .put("/v1/admin/topics/secret")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", "Bearer synod-reputer")
                .contentType(ContentType.JSON)
                .body(Map.of())
                .put("/v1/admin/topics/secret")
                .then()
                .statusCode(403);
        given().header("Authorization", "Bearer wrong")
                .contentType(ContentType.JSON)
                .body(Map.of())
                .put("/v1/admin/topics/secret")
                .then()
                .statusCode(401);
        given().get("/v1/topics/secret").then().statusCode(404);
        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("mode", "magic"))
                .put("/v1/admin/topics/secret")
                .then()
                .statusCode(400);
        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of())
                .put("/v1/admin/topics/Bad_Name")
                .then()
                .statusCode(400);
        given().get("/v1/topics/secret").then().statusCode(404);
    }

    @Test
    void theNetworkIsAlsoAnOipModel() {
        topicWith("oip", "synod", Map.of("last", last.url(), "ma5", ma.url()));
        given().get("/v2/health/ready").then().statusCode(200);
        given().get("/v2/models/oip/ready").then().statusCode(200);
        given().get("/v2/models/oip").then().statusCode(200).body("name", equalTo("oip"));
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "id",
                        "42",
                        "inputs",
                        List.of(Map.of(
                                "name",
                                "window",
                                "datatype",
                                "FP64",
                                "shape",
                                List.of(WINDOW.length),
                                "data",
                                WINDOW))))
                .post("/v2/models/oip/infer")
                .then()
                .statusCode(200)
                .body("id", equalTo("42"))
                .body("outputs[0].name", equalTo("forecast"))
                .body("outputs[0].data[0]", equalTo((float) ((233 + (34 + 55 + 89 + 144 + 233) / 5.0) / 2)));
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "inputs",
                        List.of(Map.of("name", "window", "datatype", "FP64", "shape", List.of(3), "data", List.of(1)))))
                .post("/v2/models/oip/infer")
                .then()
                .statusCode(400)
                .body("error", containsString("shape"));
        given().get("/v2/models/missing").then().statusCode(404).body("error", containsString("unknown topic"));
    }

    private void publish(WeightUpdate update) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("synod.weights", update.topic(), json.writeValueAsString(update)))
                    .get();
        }
    }

    private InferenceRecord awaitRecord(String topic, long epoch) throws Exception {
        Properties p = new Properties();
        p.putAll(Map.of("bootstrap.servers", bootstrap, "group.id", "test-" + topic, "auto.offset.reset", "earliest"));
        try (KafkaConsumer<String, String> c =
                new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of("synod.inferences"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    InferenceRecord rec = json.readValue(r.value(), InferenceRecord.class);
                    if (rec.topic().equals(topic) && rec.epoch() == epoch) {
                        assertEquals(topic, r.key());
                        return rec;
                    }
                }
            }
        }
        assertNotNull(null, "no inference record for " + topic + " epoch " + epoch);
        return null;
    }
}
