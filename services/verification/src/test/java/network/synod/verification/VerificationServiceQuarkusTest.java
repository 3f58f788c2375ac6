package network.synod.verification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
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
import network.synod.core.synthesis.NetworkInference;
import network.synod.core.synthesis.Synthesizer;
import network.synod.core.synthesis.TopicParams;
import network.synod.core.synthesis.TopicState;
import network.synod.core.verification.EpochSeed;
import network.synod.core.verification.Hashes;
import network.synod.core.verification.Receipt;
import network.synod.core.verification.Signatures;
import network.synod.embedded.KafkaTestResource;
import network.synod.embedded.PostgresTestResource;

/**
 * The service against a real PostgreSQL and Kafka: records with signed receipts in, a verifier re-executes, verdicts
 * with evidence persisted and served, fraud events and quarantine orders out for the cheater only.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
class VerificationServiceQuarkusTest {

    static final String ADMIN = "Bearer synod-admin";
    static final String LAST = Hashes.sha256Hex("synod-reference/last");
    static final KeyPair HONEST = Signatures.generate();
    static final KeyPair CHEAT = Signatures.generate();
    static final KeyPair OTHER = Signatures.generate();

    static LastValueVerifier verifier;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper json;

    @BeforeAll
    static void start() throws Exception {
        verifier = new LastValueVerifier();
    }

    @AfterAll
    static void stop() {
        verifier.close();
    }

    @Test
    void theCheaterIsCaughtSlashedAndQuarantinedAndTheHonestWorkerPasses() throws Exception {
        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("url", verifier.url(), "model", "model", "mode", "exact"))
                .put("/v1/admin/verifiers/" + LAST)
                .then()
                .statusCode(200)
                .body("digest", equalTo(LAST));
        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("auditRate", 1.0))
                .put("/v1/admin/topics/audited")
                .then()
                .statusCode(200);

        for (int epoch = 1; epoch <= 3; epoch++) {
            publish(record("audited", epoch));
        }
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> given().get("/v1/verdicts?topic=audited")
                                .then()
                                .extract()
                                .jsonPath()
                                .getList("")
                                .size()
                        == 9);

        given().get("/v1/verdicts?topic=audited&worker=cheat")
                .then()
                .statusCode(200)
                .body("", hasSize(3))
                .body("outcome", equalTo(List.of("fail", "fail", "fail")))
                .body("reason[0]", equalTo("output-mismatch"));
        given().get("/v1/verdicts?topic=audited&worker=honest")
                .then()
                .statusCode(200)
                .body("outcome", equalTo(List.of("pass", "pass", "pass")));
        given().get("/v1/verdicts?topic=audited&worker=unknown-model")
                .then()
                .statusCode(200)
                .body("outcome", equalTo(List.of("unverifiable", "unverifiable", "unverifiable")))
                .body("reason[0]", equalTo("unknown-digest"));

        // The evidence: what was claimed, what the verifier computed, and a seed that opens its commitment.
        long id = given().get("/v1/verdicts?topic=audited&worker=cheat")
                .then()
                .extract()
                .jsonPath()
                .getLong("[0].id");
        JsonNode v = json.readTree(given().get("/v1/verdicts/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        JsonNode e = v.get("evidence");
        assertEquals(e.get("claimed").asDouble(), e.get("reexecuted").asDouble() + 0.5, 1e-12);
        assertTrue(EpochSeed.opens(
                e.path("sampling").path("commitment").asText(),
                e.path("sampling").path("seed").asText()));
        assertEquals("cheat", e.path("receipt").path("worker").asText());
        given().get("/v1/verdicts/999999").then().statusCode(404).contentType("application/problem+json");

        // Fraud events and quarantine orders, for the cheater only.
        List<JsonNode> frauds = drain("synod.fraud-events", 3);
        assertEquals(3, frauds.size());
        frauds.forEach(f -> {
            assertEquals("cheat", f.get("offender").asText());
            assertEquals("verifier", f.get("prover").asText());
            assertEquals("output-mismatch", f.get("reason").asText());
            assertTrue(f.path("evidence").path("verdict").asText().contains("/v1/verdicts/"));
        });
        List<JsonNode> orders = drain("synod.quarantine", 3);
        assertTrue(orders.stream().allMatch(o -> o.get("worker").asText().equals("cheat")));

        // A redelivered record makes no second verdict.
        publish(record("audited", 2));
        publish(record("audited", 10));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> given().get("/v1/verdicts?topic=audited")
                                .then()
                                .extract()
                                .jsonPath()
                                .getList("")
                                .size()
                        == 12);

        given().get("/v1/seeds/audited/1")
                .then()
                .statusCode(200)
                .body("revealed", equalTo(true))
                .body("seed", org.hamcrest.Matchers.notNullValue());
        given().get("/v1/seeds/audited/99")
                .then()
                .statusCode(200)
                .body("revealed", equalTo(false))
                .body("seed", org.hamcrest.Matchers.nullValue())
                .body("commitment", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}"));
        given().get("/v1/stats")
                .then()
                .statusCode(200)
                .body("verdicts.fail", org.hamcrest.Matchers.greaterThanOrEqualTo(4))
                .body("audited", org.hamcrest.Matchers.greaterThanOrEqualTo(12));
    }

    @Test
    void aStatefulModelIsVerifiedByReplayingTheWorkersHistory() throws Exception {
        String digest = Hashes.sha256Hex("synod-mlp/seed=42/retrain-every=250/min-samples=100");
        try (OnlineVerifier online = new OnlineVerifier()) {
            given().header("Authorization", ADMIN)
                    .contentType(ContentType.JSON)
                    .body(Map.of("url", online.url(), "mode", "replay"))
                    .put("/v1/admin/verifiers/" + digest)
                    .then()
                    .statusCode(200);
            given().header("Authorization", ADMIN)
                    .contentType(ContentType.JSON)
                    .body(Map.of("auditRate", 1.0))
                    .put("/v1/admin/topics/replayed")
                    .then()
                    .statusCode(200);
            // Two workers of the same stateful model with different histories: one from step 5, one from step 8.
            OnlineVerifier.State a = new OnlineVerifier.State();
            OnlineVerifier.State b = new OnlineVerifier.State();
            for (int epoch = 1; epoch <= 6; epoch++) {
                double[] window = {1, 2, 3, 5, 8 + epoch};
                long step = 4 + epoch;
                String id = "req-replayed-" + epoch;
                SortedMap<String, Double> answers = new TreeMap<>();
                SortedMap<String, Receipt> receipts = new TreeMap<>();
                double va = a.answer(step, 0, window);
                answers.put("online-a", va);
                receipts.put("online-a", receipt(digest, id, step, window, va, "online-a", HONEST));
                if (epoch >= 3) {
                    double vb = b.answer(step, 0, window) + (epoch == 5 ? 0.25 : 0);
                    answers.put("online-b", vb);
                    receipts.put("online-b", receipt(digest, id, step, window, vb, "online-b", CHEAT));
                }
                TopicParams params = new TopicSpec(null, "allora", null, null, null, null, null, null, null).toParams();
                publish(new InferenceRecord(
                        id,
                        "replayed",
                        epoch,
                        Instant.now().toString(),
                        Synthesizer.infer(params, TopicState.initial(), window[4], answers, new TreeMap<>()),
                        new TreeMap<>(),
                        new InferenceRecord.Context(step, 0, window),
                        receipts));
            }
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> given().get("/v1/verdicts?topic=replayed")
                                    .then()
                                    .extract()
                                    .jsonPath()
                                    .getList("")
                                    .size()
                            == 10);
        }
        // Epochs are audited as they close, not necessarily in order, so verdicts are compared by epoch.
        assertEquals(
                Map.of(1, "pass", 2, "pass", 3, "pass", 4, "pass", 5, "pass", 6, "pass"), outcomesByEpoch("online-a"));
        // online-b faked epoch 5 only: that answer fails, its others pass.
        assertEquals(Map.of(3, "pass", 4, "pass", 5, "fail", 6, "pass"), outcomesByEpoch("online-b"));
    }

    private static Map<Integer, String> outcomesByEpoch(String worker) {
        List<Map<String, Object>> verdicts = given().get("/v1/verdicts?worker=" + worker)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
        Map<Integer, String> byEpoch = new TreeMap<>();
        for (Map<String, Object> v : verdicts) {
            assertNull(
                    byEpoch.put(((Number) v.get("epoch")).intValue(), (String) v.get("outcome")),
                    "one verdict per epoch: " + verdicts);
        }
        return byEpoch;
    }

    @Test
    void atRateZeroNothingIsAudited() throws Exception {
        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("auditRate", 0.0))
                .put("/v1/admin/topics/unaudited")
                .then()
                .statusCode(200);
        publish(record("unaudited", 1));
        publish(record("unaudited", 2));
        publish(record("unaudited", 3));
        // A sentinel topic audited at rate 1, published after them: records are consumed in order (one partition),
        // so once the sentinel's epoch 1 has its verdicts, the unaudited epochs 1 and 2 were closed before it.
        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("auditRate", 1.0))
                .put("/v1/admin/topics/unaudited-sentinel")
                .then()
                .statusCode(200);
        publish(record("unaudited-sentinel", 1));
        publish(record("unaudited-sentinel", 2));
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> given().get("/v1/verdicts?topic=unaudited-sentinel")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath()
                                .getList("")
                                .size()
                        >= 3);
        given().get("/v1/seeds/unaudited/1").then().statusCode(200).body("revealed", equalTo(true));
        given().get("/v1/seeds/unaudited/2").then().statusCode(200).body("revealed", equalTo(true));
        given().get("/v1/verdicts?topic=unaudited").then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void theAdminApiNeedsTheAdminCredentialAndValidInput() {
        given().contentType(ContentType.JSON)
                .body(Map.of("auditRate", 0.5))
                .put("/v1/admin/topics/x")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", "Bearer synod-reputer")
                .contentType(ContentType.JSON)
                .body(Map.of("auditRate", 0.5))
                .put("/v1/admin/topics/x")
                .then()
                .statusCode(403);
        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("auditRate", 2))
                .put("/v1/admin/topics/x")
                .then()
                .statusCode(400)
                .body("detail", containsString("auditRate"));
        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("url", "ftp://x"))
                .put("/v1/admin/verifiers/" + LAST)
                .then()
                .statusCode(400);
        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("url", "http://x:1"))
                .put("/v1/admin/verifiers/nothex")
                .then()
                .statusCode(400)
                .body("detail", containsString("digest"));
        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("url", "http://x:1", "mode", "tolerance"))
                .put("/v1/admin/verifiers/" + LAST)
                .then()
                .statusCode(400);
    }

    /** One epoch's record: honest answers the last value, cheat adds 0.5, unknown-model has no verifier. */
    private static InferenceRecord record(String topic, long epoch) {
        double[] window = {1, 2, 3, 5, 8 + epoch};
        double last = window[window.length - 1];
        String id = "req-" + topic + "-" + epoch;
        SortedMap<String, Double> answers =
                new TreeMap<>(Map.of("honest", last, "cheat", last + 0.5, "unknown-model", last));
        TopicParams params = new TopicSpec(null, "allora", null, null, null, null, null, null, null).toParams();
        NetworkInference inference = Synthesizer.infer(params, TopicState.initial(), last, answers, new TreeMap<>());
        SortedMap<String, Receipt> receipts = new TreeMap<>();
        receipts.put("honest", receipt(LAST, id, window.length, window, last, "honest", HONEST));
        receipts.put("cheat", receipt(LAST, id, window.length, window, last + 0.5, "cheat", CHEAT));
        receipts.put(
                "unknown-model",
                receipt(Hashes.sha256Hex("unregistered"), id, window.length, window, last, "unknown-model", OTHER));
        return new InferenceRecord(
                id,
                topic,
                epoch,
                Instant.now().toString(),
                inference,
                new TreeMap<>(),
                new InferenceRecord.Context(window.length, 0, window),
                receipts);
    }

    private static Receipt receipt(
            String digest, String id, long step, double[] window, double value, String worker, KeyPair key) {
        return Signatures.sign(
                new Receipt(
                        digest,
                        Hashes.inputHash(id, step, 0, window),
                        Hashes.outputHash(value),
                        worker,
                        Instant.now().toString(),
                        null),
                key.getPrivate());
    }

    private void publish(InferenceRecord r) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("synod.inferences", r.topic(), json.writeValueAsString(r)))
                    .get();
        }
    }

    private List<JsonNode> drain(String topic, int expected) throws Exception {
        Properties p = new Properties();
        p.putAll(Map.of("bootstrap.servers", bootstrap, "group.id", "test-" + topic, "auto.offset.reset", "earliest"));
        List<JsonNode> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c =
                new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline && out.size() < expected) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    out.add(json.readTree(r.value()));
                }
            }
        }
        return out;
    }
}
