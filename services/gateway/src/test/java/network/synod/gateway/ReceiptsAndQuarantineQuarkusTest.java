package network.synod.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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
import network.synod.core.events.WeightUpdate;
import network.synod.core.synthesis.RegretState;
import network.synod.core.synthesis.StackingState;
import network.synod.core.synthesis.TopicState;
import network.synod.core.verification.Signatures;
import network.synod.embedded.KafkaTestResource;
import network.synod.embedded.PostgresTestResource;

/** Receipts checked per answer, attached to the record, and quarantined workers skipped. */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
class ReceiptsAndQuarantineQuarkusTest {

    static final String ADMIN = "Bearer synod-admin";
    static final double[] WINDOW = {1, 2, 3, 5, 8};

    static SigningWorkerServer honest;
    static SigningWorkerServer tampered;
    static SigningWorkerServer replayed;
    static SigningWorkerServer borrowed;
    static SigningWorkerServer wrongDigest;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper json;

    @BeforeAll
    static void workers() throws Exception {
        honest = new SigningWorkerServer("honest", SigningWorkerServer.Mode.HONEST);
        tampered = new SigningWorkerServer("tampered", SigningWorkerServer.Mode.TAMPERED);
        replayed = new SigningWorkerServer("replayed", SigningWorkerServer.Mode.REPLAYED);
        borrowed = new SigningWorkerServer("borrowed", SigningWorkerServer.Mode.BORROWED);
        wrongDigest = new SigningWorkerServer("wrong-digest", SigningWorkerServer.Mode.WRONG_DIGEST);
    }

    @AfterAll
    static void stop() {
        for (SigningWorkerServer w : List.of(honest, tampered, replayed, borrowed, wrongDigest)) {
            w.close();
        }
    }

    private static void register(String topic, SigningWorkerServer... workers) {
        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("mode", "allora"))
                .put("/v1/admin/topics/" + topic)
                .then()
                .statusCode(200);
        for (SigningWorkerServer w : workers) {
            given().header("Authorization", ADMIN)
                    .contentType(ContentType.JSON)
                    .body(w.registration())
                    .put("/v1/admin/topics/" + topic + "/workers/" + w.name)
                    .then()
                    .statusCode(200);
        }
    }

    private static Response ask(String topic, long epoch) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("window", WINDOW, "epoch", epoch))
                .post("/v1/topics/" + topic + "/inferences");
    }

    @Test
    void badReceiptsAreFailedAnswersWithAClearReason() throws Exception {
        register("receipts", honest, tampered, replayed, borrowed, wrongDigest);
        ask("receipts", 1)
                .then()
                .statusCode(200)
                .body("workers", hasSize(2)) // honest, and replayed's first (fresh) receipt
                .body("failed.tampered", containsString("bad-signature"))
                .body("failed.borrowed", containsString("borrowed-receipt"))
                .body("failed.borrowed", containsString("someone-else"))
                .body("failed.wrong-digest", containsString("unknown-digest"));
        ask("receipts", 2)
                .then()
                .statusCode(200)
                .body("workers", hasSize(1))
                .body("failed.replayed", containsString("replayed-receipt"));

        InferenceRecord record = awaitRecord("receipts", 2);
        assertEquals(List.of("honest"), List.copyOf(record.receipts().keySet()));
        assertTrue(Signatures.verify(record.receipts().get("honest"), honest.key.getPublic()));
        assertNotNull(record.context());
        assertEquals(WINDOW.length, record.context().window().length);
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString(
                        "synod_gateway_receipt_rejections_total{reason=\"bad-signature\",worker=\"tampered\""));
    }

    @Test
    void onACommitRevealTopicAnAnswerThatDoesNotOpenItsCommitmentIsRefused() throws Exception {
        SigningWorkerServer a = new SigningWorkerServer("cr-honest", SigningWorkerServer.Mode.HONEST);
        SigningWorkerServer switched = new SigningWorkerServer("cr-switched", SigningWorkerServer.Mode.SWITCHED);
        SigningWorkerServer plain = new SigningWorkerServer("cr-plain", SigningWorkerServer.Mode.NO_COMMITMENT);
        try {
            given().header("Authorization", ADMIN)
                    .contentType(ContentType.JSON)
                    .body(Map.of("mode", "allora", "commitReveal", true))
                    .put("/v1/admin/topics/committed")
                    .then()
                    .statusCode(200)
                    .body("spec.commitReveal", equalTo(true));
            for (SigningWorkerServer w : List.of(a, switched, plain)) {
                given().header("Authorization", ADMIN)
                        .contentType(ContentType.JSON)
                        .body(w.registration())
                        .put("/v1/admin/topics/committed/workers/" + w.name)
                        .then()
                        .statusCode(200);
            }
            ask("committed", 1)
                    .then()
                    .statusCode(200)
                    .body("workers", hasSize(1))
                    .body("workers[0].id", equalTo("cr-honest"))
                    .body("value", equalTo((float) WINDOW[WINDOW.length - 1]))
                    .body("failed.cr-switched", containsString("does not open its commitment"))
                    .body("failed.cr-plain", containsString("no commitment"));
            // Each worker was asked twice (commit, then reveal), except the one that never committed.
            assertEquals(2, a.calls.get());
            assertEquals(2, switched.calls.get());
            assertEquals(1, plain.calls.get());
            InferenceRecord record = awaitRecord("committed", 1);
            assertEquals(List.of("cr-honest"), List.copyOf(record.receipts().keySet()));
        } finally {
            a.close();
            switched.close();
            plain.close();
        }
    }

    @Test
    void aKeyedForecasterMustSignThePredictedLossesItReveals() throws Exception {
        SigningWorkerServer inferer = new SigningWorkerServer("kf-inferer", SigningWorkerServer.Mode.HONEST);
        SigningWorkerServer signed = new SigningWorkerServer("kf-signed", SigningWorkerServer.Mode.HONEST);
        SigningWorkerServer tamperedForecaster =
                new SigningWorkerServer("kf-tampered", SigningWorkerServer.Mode.TAMPERED);
        try {
            register("keyed-forecasters", inferer);
            for (SigningWorkerServer f : List.of(signed, tamperedForecaster)) {
                given().header("Authorization", ADMIN)
                        .contentType(ContentType.JSON)
                        .body(f.forecasterRegistration())
                        .put("/v1/admin/topics/keyed-forecasters/workers/" + f.name)
                        .then()
                        .statusCode(200);
            }
            // Forecasters are asked only once scoring has published the inferers' recent losses.
            TopicState state = new TopicState(
                    RegretState.initial(),
                    StackingState.initial(),
                    new TreeMap<>(Map.of("kf-inferer", List.of(-1.0, -1.2, -0.9))));
            publishWeights(new WeightUpdate("keyed-forecasters", 3, state));
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> given().get("/v1/topics/keyed-forecasters")
                            .then()
                            .extract()
                            .path("stateEpoch")
                            .equals(3));

            String body =
                    ask("keyed-forecasters", 4).then().statusCode(200).extract().asString();
            var answer = json.readTree(body);
            assertTrue(answer.path("failed").path("kf-tampered").asText().contains("bad-signature"), body);
            assertFalse(answer.path("failed").has("kf-signed"), body);
            // Both forecasters committed and revealed; the signed one's reveal passed its receipt check.
            assertEquals(2, signed.calls.get());
            assertEquals(2, tamperedForecaster.calls.get());
            given().get("/q/metrics")
                    .then()
                    .statusCode(200)
                    .body(containsString(
                            "synod_gateway_receipt_rejections_total{reason=\"bad-signature\",worker=\"kf-tampered\""));
        } finally {
            inferer.close();
            signed.close();
            tamperedForecaster.close();
        }
    }

    @Test
    void aRegistrationWithABadKeyIsRefused() {
        register("keys");
        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("url", honest.url(), "publicKey", "bm90IGEga2V5"))
                .put("/v1/admin/topics/keys/workers/x")
                .then()
                .statusCode(400)
                .body("detail", containsString("publicKey"));
        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("url", honest.url(), "modelDigest", "abc"))
                .put("/v1/admin/topics/keys/workers/x")
                .then()
                .statusCode(400)
                .body("detail", containsString("modelDigest"));
    }

    @Test
    void quarantinedWorkersAreSkippedUntilLifted() throws Exception {
        SigningWorkerServer a = new SigningWorkerServer("qa", SigningWorkerServer.Mode.HONEST);
        SigningWorkerServer b = new SigningWorkerServer("qb", SigningWorkerServer.Mode.HONEST);
        try {
            register("quarantine", a, b);
            given().header("Authorization", "Bearer wrong")
                    .contentType(ContentType.JSON)
                    .body(Map.of())
                    .put("/v1/admin/topics/quarantine/workers/qb/quarantine")
                    .then()
                    .statusCode(401);
            given().header("Authorization", ADMIN)
                    .contentType(ContentType.JSON)
                    .body(Map.of("reason", "audit failed"))
                    .put("/v1/admin/topics/quarantine/workers/qb/quarantine")
                    .then()
                    .statusCode(200);
            int before = b.calls.get();
            ask("quarantine", 1)
                    .then()
                    .statusCode(200)
                    .body("workers", hasSize(1))
                    .body("failed", not(hasKey("qb")));
            assertEquals(before, b.calls.get());
            given().get("/v1/admin/topics/quarantine/quarantine")
                    .then()
                    .statusCode(200)
                    .body("qb", containsString("audit failed"));
            given().header("Authorization", ADMIN)
                    .delete("/v1/admin/topics/quarantine/workers/qb/quarantine")
                    .then()
                    .statusCode(204);
            ask("quarantine", 2).then().statusCode(200).body("workers", hasSize(2));

            // The verification service's order over Kafka.
            publishQuarantine(
                    "{\"topic\":\"quarantine\",\"worker\":\"qa\",\"reason\":\"output-mismatch\",\"verdictId\":7}");
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> given().get("/v1/admin/topics/quarantine/quarantine")
                            .then()
                            .extract()
                            .jsonPath()
                            .getMap("")
                            .containsKey("qa"));
            ask("quarantine", 3)
                    .then()
                    .statusCode(200)
                    .body("workers", hasSize(1))
                    .body("workers[0].id", org.hamcrest.Matchers.equalTo("qb"));
        } finally {
            a.close();
            b.close();
        }
    }

    private void publishWeights(WeightUpdate update) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("synod.weights", update.topic(), json.writeValueAsString(update)))
                    .get();
        }
    }

    private void publishQuarantine(String order) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("synod.quarantine", "quarantine", order))
                    .get();
        }
    }

    private InferenceRecord awaitRecord(String topic, long epoch) throws Exception {
        Properties p = new Properties();
        p.putAll(
                Map.of("bootstrap.servers", bootstrap, "group.id", "test-r-" + topic, "auto.offset.reset", "earliest"));
        try (KafkaConsumer<String, String> c =
                new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of("synod.inferences"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    InferenceRecord rec = json.readValue(r.value(), InferenceRecord.class);
                    if (rec.topic().equals(topic) && rec.epoch() == epoch) {
                        return rec;
                    }
                }
            }
        }
        throw new AssertionError("no inference record for " + topic + " epoch " + epoch);
    }
}
