package network.synod.payouts;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import jakarta.inject.Inject;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import network.synod.embedded.KafkaTestResource;
import network.synod.embedded.PostgresTestResource;
import network.synod.payouts.ledger.LedgerAudit;

/** Scores and fraud events through a real Kafka broker, each redelivered: paid and slashed exactly once. */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
class KafkaConsumersQuarkusTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    Pool pool;

    @Inject
    LedgerAudit audit;

    @Test
    void redeliveredScoresAndFraudEventsApplyOnce() {
        given().header("Authorization", PayoutsApiQuarkusTest.ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("feeRevenue", 10))
                .put("/v1/admin/topics/kt/economics")
                .then()
                .statusCode(200);
        given().header("Authorization", PayoutsApiQuarkusTest.ADMIN)
                .put("/v1/admin/participants/prover")
                .then()
                .statusCode(200);
        PayoutsApiQuarkusTest.grant("bob", 10_000);
        given().header("Authorization", "Bearer bob-token")
                .contentType(ContentType.JSON)
                .body(Map.of("topic", "kt", "amount", 10_000))
                .post("/v1/participants/bob/stake/deposits")
                .then()
                .statusCode(201);

        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>("synod.epoch-scores", "kt:0", "{not json"));
            for (int round = 0; round < 3; round++) {
                for (int epoch = 1; epoch <= 4; epoch++) {
                    producer.send(new ProducerRecord<>("synod.epoch-scores", "kt:" + epoch, """
                            {"topic":"kt","epoch":%d,"inferers":[{"id":"w1","score":0.4},{"id":"w2","score":-0.1}],
                             "forecasters":[{"id":"f1","score":0.2}],"reputers":[{"id":"bob","score":3.0}],
                             "combinedLoss":0.1,"naiveLoss":0.15}""".formatted(epoch)));
                }
                producer.send(new ProducerRecord<>("synod.fraud-events", "kt", """
                        {"eventId":"fraud-1","topic":"kt","offender":"bob","prover":"prover",
                         "reason":"equivocation","evidence":{"a":1}}"""));
            }
            producer.flush();
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> count("SELECT count(*) FROM settlements WHERE topic = 'kt'") == 4
                        && count("SELECT count(*) FROM slashes") == 1);
        // Let any remaining redeliveries be consumed too before counting again.
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> true);

        assertEquals(4, count("SELECT count(*) FROM transactions WHERE kind = 'settlement'"));
        assertEquals(1, count("SELECT count(*) FROM transactions WHERE kind = 'slash'"));
        // Bob's stake was cut by 10% once: 10 000 → 9 000; the prover got half of the cut.
        given().get("/v1/participants/bob/balances")
                .then()
                .body("accounts.find { it.account == 'bob/stake/kt' }.balance", equalTo(9_000));
        assertTrue(count("SELECT coalesce(sum(balance), 0) FROM accounts WHERE id = 'prover/rewards'") >= 500);
        for (int epoch = 1; epoch <= 4; epoch++) {
            // Each epoch pays its whole emission: the only topic with fees takes all of it.
            assertEquals(1_000_000, count("SELECT pot FROM settlements WHERE topic = 'kt' AND epoch = " + epoch));
        }
        assertTrue(audit.check().await().atMost(Duration.ofSeconds(30)).conserved());
    }

    private long count(String sql) {
        return pool.query(sql)
                .execute()
                .await()
                .atMost(Duration.ofSeconds(30))
                .iterator()
                .next()
                .getLong(0);
    }

    private KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        return new KafkaProducer<>(p);
    }
}
