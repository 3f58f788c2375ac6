package network.synod.scoring;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import network.synod.core.events.TopicSpec;
import network.synod.core.synthesis.NetworkInference;
import network.synod.core.synthesis.Synthesizer;
import network.synod.core.synthesis.TopicParams;
import network.synod.core.synthesis.TopicState;

/** Epochs close against a real broker and database, with the state the core computes directly. */
@QuarkusTest
class EpochClosingQuarkusTest {

    @Inject
    ObjectMapper mapper;

    @Inject
    Pool pool;

    @BeforeAll
    static void doubles() {
        Fixtures.readNumbersAsDoubles();
    }

    @Test
    void closesEpochsInOrderAndPublishesTheCoresState() throws Exception {
        String topic = "closing-main";
        TopicParams params = createTopic(topic, 1);
        TopicState expected = TopicState.initial();
        double last = 100;
        for (long epoch = 1; epoch <= 2; epoch++) {
            NetworkInference inference = Fixtures.inference(params, expected, last, epoch);
            produce(topic, epoch, inference);
            awaitRecordStored(topic, epoch);
            double truth = last + 0.8;
            Synthesizer.Scored direct = Synthesizer.score(params, expected, inference, truth);

            postTruth(topic, Fixtures.REPUTER, epoch, truth)
                    .statusCode(200)
                    .body("epoch", equalTo((int) epoch))
                    .body("status", equalTo("closed"))
                    .body("consensus", closeTo(truth, 1e-12))
                    .body("networkLoss", closeTo(direct.networkLoss(), 1e-12));

            long e = epoch;
            String update = KafkaClients.await(
                    "synod.weights", topic, v -> tree(v).get("epoch").asLong() == e);
            assertEquals(canonical(direct.next()), tree(update).get("state"));
            String scores = KafkaClients.await("synod.epoch-scores", topic + ":" + epoch, v -> true);
            JsonNode event = tree(scores);
            assertEquals(List.of("last", "mean", "trend"), ids(event.get("inferers")));
            assertEquals(canonical(direct.scores().inferers()), byId(event.get("inferers")));
            // Forecasters score nothing while the topic is cold; the event carries whatever the core gives.
            assertEquals(canonical(direct.scores().forecasters()), byId(event.get("forecasters")));
            assertEquals(List.of("default"), ids(event.get("reputers")));
            assertEquals(direct.losses().combined(), event.get("combinedLoss").asDouble(), 0);
            assertEquals(direct.losses().naive(), event.get("naiveLoss").asDouble(), 0);
            expected = direct.next();
            last = truth;
        }

        given().get("/v1/topics/" + topic)
                .then()
                .statusCode(200)
                .body("latestEpoch", equalTo(2))
                .body("spec.reputerQuorum", equalTo(1));
        JsonNode state = tree(given().get("/v1/topics/" + topic + "/state")
                .then()
                .statusCode(200)
                .body("epoch", equalTo(2))
                .extract()
                .asString());
        assertEquals(canonical(expected), state.get("state"));
        given().get("/v1/topics/" + topic + "/epochs/2")
                .then()
                .statusCode(200)
                .body("consensus", closeTo(last, 1e-12))
                .body("reputers", hasSize(1))
                .body("reputers[0].id", equalTo("default"))
                .body("reputers[0].distance", equalTo(0.0))
                .body("losses.inferers.trend", notNullValue())
                .body("scores.inferers.trend", notNullValue());
    }

    @Test
    void redeliveryAndRepeatedTruthChangeNothing() throws Exception {
        String topic = "closing-redelivery";
        TopicParams params = createTopic(topic, 1);
        NetworkInference first = Fixtures.inference(params, TopicState.initial(), 50, 1);
        produce(topic, 1, first);
        awaitRecordStored(topic, 1);
        postTruth(topic, Fixtures.REPUTER, 1, 51).statusCode(200).body("status", equalTo("closed"));
        List<String> before = DbSnapshot.take(pool);

        // The same record again, and a different record for the same epoch: the first one stays the scored one.
        produce(topic, 1, first);
        produce(topic, 1, Fixtures.inference(params, TopicState.initial(), 70, 1));
        // A record for the next epoch shows the consumer has passed the redeliveries.
        NetworkInference second = Fixtures.inference(params, TopicState.initial(), 51, 2);
        produce(topic, 2, second);
        awaitRecordStored(topic, 2);
        postTruth(topic, Fixtures.REPUTER, 1, 51).statusCode(200).body("status", equalTo("closed"));

        assertEquals(2, DbSnapshot.count(pool, "scoring_inference_record", topic));
        List<String> after = DbSnapshot.take(pool);
        assertEquals(before.get(0), after.get(0), "topic row and state");
        assertEquals(before.get(2), after.get(2), "truth reports");
        assertEquals(before.get(3), after.get(3), "closed epochs");
        Synthesizer.Scored direct = Synthesizer.score(params, TopicState.initial(), first, 51);
        JsonNode state = tree(given().get("/v1/topics/" + topic + "/state")
                .then()
                .statusCode(200)
                .body("epoch", equalTo(1))
                .extract()
                .asString());
        assertEquals(canonical(direct.next()), state.get("state"));
        assertEquals(
                1,
                KafkaClients.readAll("synod.weights", topic, Duration.ofSeconds(2))
                        .size());

        // Epoch 2 gets a second, different record before its truth: the first one is still the one scored.
        produce(topic, 2, Fixtures.inference(params, TopicState.initial(), 90, 2));
        produce(topic, 3, Fixtures.inference(params, TopicState.initial(), 52, 3));
        awaitRecordStored(topic, 3);
        postTruth(topic, Fixtures.REPUTER, 2, 52).statusCode(200).body("status", equalTo("closed"));
        Synthesizer.Scored next = Synthesizer.score(params, direct.next(), second, 52);
        String update = KafkaClients.await(
                "synod.weights", topic, v -> tree(v).get("epoch").asLong() == 2);
        assertEquals(canonical(next.next()), tree(update).get("state"));
    }

    @Test
    void truthBeforeRecordClosesWhenTheRecordArrives() throws Exception {
        String topic = "closing-truth-first";
        TopicParams params = createTopic(topic, 1);
        postTruth(topic, Fixtures.REPUTER, 1, 12)
                .statusCode(200)
                .body("status", equalTo("pending"))
                .body("networkLoss", nullValue());
        NetworkInference inference = Fixtures.inference(params, TopicState.initial(), 10, 1);
        produce(topic, 1, inference);

        String update = KafkaClients.await("synod.weights", topic, v -> true);
        Synthesizer.Scored direct = Synthesizer.score(params, TopicState.initial(), inference, 12);
        assertEquals(canonical(direct.next()), tree(update).get("state"));
        given().get("/v1/topics/" + topic + "/epochs/1")
                .then()
                .statusCode(200)
                .body("networkLoss", closeTo(direct.networkLoss(), 1e-12));
        // Reporting again now answers the stored, closed result.
        postTruth(topic, Fixtures.REPUTER, 1, 12).statusCode(200).body("status", equalTo("closed"));
    }

    @Test
    void twoReputersWithQuorumTwoCloseOnTheirMean() throws Exception {
        String topic = "closing-quorum";
        TopicParams params = createTopic(topic, 2);
        NetworkInference inference = Fixtures.inference(params, TopicState.initial(), 20, 1);
        produce(topic, 1, inference);
        awaitRecordStored(topic, 1);

        postTruth(topic, Fixtures.ALICE, 1, 21).statusCode(200).body("status", equalTo("pending"));
        assertEquals(0, DbSnapshot.count(pool, "scoring_epoch", topic));
        postTruth(topic, Fixtures.BOB, 1, 23)
                .statusCode(200)
                .body("status", equalTo("closed"))
                .body("consensus", closeTo(22, 1e-12));

        Synthesizer.Scored direct = Synthesizer.score(params, TopicState.initial(), inference, 22);
        String update = KafkaClients.await("synod.weights", topic, v -> true);
        assertEquals(canonical(direct.next()), tree(update).get("state"));
        given().get("/v1/topics/" + topic + "/epochs/1")
                .then()
                .statusCode(200)
                .body("consensus", closeTo(22, 1e-12))
                .body("reputers.id", equalTo(List.of("alice", "bob")))
                .body("reputers.distance", equalTo(List.of(1.0, 1.0)))
                .body("reputers.weight", equalTo(List.of(1.0, 1.0)));
        JsonNode scores = tree(KafkaClients.await("synod.epoch-scores", topic + ":1", v -> true));
        assertEquals(List.of("alice", "bob"), ids(scores.get("reputers")));
        // A third reputer arriving after closing cannot change the epoch.
        postTruth(topic, Fixtures.REPUTER, 1, 30).statusCode(409).contentType("application/problem+json");
    }

    @Test
    void concurrentTruthsCloseTheEpochExactlyOnce() throws Exception {
        String topic = "closing-race";
        TopicParams params = createTopic(topic, 2);
        produce(topic, 1, Fixtures.inference(params, TopicState.initial(), 5, 1));
        awaitRecordStored(topic, 1);

        List<CompletableFuture<String>> answers = new ArrayList<>();
        for (Map.Entry<String, Double> r : Map.of(Fixtures.ALICE, 6.0, Fixtures.BOB, 7.0, Fixtures.REPUTER, 8.0)
                .entrySet()) {
            answers.add(CompletableFuture.supplyAsync(() -> given().header("Authorization", r.getKey())
                    .contentType(ContentType.JSON)
                    .body(Map.of("epoch", 1, "value", r.getValue()))
                    .post("/v1/topics/" + topic + "/ground-truth")
                    .then()
                    .extract()
                    .asString()));
        }
        List<String> bodies = answers.stream().map(CompletableFuture::join).toList();

        // Quorum 2 of 3: exactly one answer closes, one waits, and the last one in is refused.
        assertEquals(1, bodies.stream().filter(b -> b.contains("\"closed\"")).count(), bodies.toString());
        assertEquals(1, bodies.stream().filter(b -> b.contains("\"pending\"")).count(), bodies.toString());
        assertEquals(
                1, bodies.stream().filter(b -> b.contains("\"status\":409")).count(), bodies.toString());
        assertEquals(1, DbSnapshot.count(pool, "scoring_epoch", topic));
        assertEquals(2, DbSnapshot.count(pool, "scoring_truth_report", topic));
    }

    @Test
    void unreadableAndUnknownTopicRecordsAreSkipped() throws Exception {
        String topic = "closing-skips";
        TopicParams params = createTopic(topic, 1);
        KafkaClients.send("synod.inferences", topic, "{not json");
        KafkaClients.send(
                "synod.inferences",
                "no-such-topic",
                mapper.writeValueAsString(
                        Fixtures.record("no-such-topic", 1, Fixtures.inference(params, TopicState.initial(), 1, 1))));
        // The consumer goes on past both: the next good record is stored and closes its epoch.
        produce(topic, 1, Fixtures.inference(params, TopicState.initial(), 1, 1));
        awaitRecordStored(topic, 1);
        assertEquals(0, DbSnapshot.count(pool, "scoring_inference_record", "no-such-topic"));
        postTruth(topic, Fixtures.REPUTER, 1, 2).statusCode(200).body("status", equalTo("closed"));
    }

    private TopicParams createTopic(String topic, int quorum) {
        given().header("Authorization", Fixtures.ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("reputerQuorum", quorum, "mode", "synod"))
                .put("/v1/admin/topics/" + topic)
                .then()
                .statusCode(200)
                .body("reputerQuorum", equalTo(quorum));
        return new TopicSpec(null, "synod", null, null, null, null, null, null, quorum).toParams();
    }

    private void produce(String topic, long epoch, NetworkInference inference) throws Exception {
        KafkaClients.send(
                "synod.inferences", topic, mapper.writeValueAsString(Fixtures.record(topic, epoch, inference)));
    }

    private void awaitRecordStored(String topic, long epoch) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> pool.preparedQuery(
                                        "select count(*) as n from scoring_inference_record where topic = $1 and epoch = $2")
                                .execute(Tuple.of(topic, epoch))
                                .await()
                                .indefinitely()
                                .iterator()
                                .next()
                                .getLong("n")
                        == 1);
    }

    private static ValidatableResponse postTruth(String topic, String token, long epoch, double value) {
        return given().header("Authorization", token)
                .contentType(ContentType.JSON)
                .body(Map.of("epoch", epoch, "value", value))
                .post("/v1/topics/" + topic + "/ground-truth")
                .then();
    }

    /** A value as the JSON tree its text parses to, so number node types compare equal. */
    private JsonNode canonical(Object value) {
        try {
            return mapper.readTree(mapper.writeValueAsString(value));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A list of {id, score} as an object from id to score. */
    private JsonNode byId(JsonNode scores) {
        var object = mapper.createObjectNode();
        scores.forEach(s -> object.set(s.get("id").asText(), s.get("score")));
        return object;
    }

    private static List<String> ids(JsonNode scores) {
        List<String> ids = new ArrayList<>();
        scores.forEach(s -> ids.add(s.get("id").asText()));
        return ids;
    }
}
