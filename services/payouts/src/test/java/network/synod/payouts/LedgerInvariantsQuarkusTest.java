package network.synod.payouts;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jakarta.inject.Inject;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import network.synod.core.events.EpochScoresEvent;
import network.synod.core.events.EpochScoresEvent.ParticipantScore;
import network.synod.core.events.FraudEvent;
import network.synod.core.refusal.Refusal;
import network.synod.embedded.KafkaTestResource;
import network.synod.embedded.PostgresTestResource;
import network.synod.payouts.ledger.LedgerAudit;
import network.synod.payouts.settlement.SettlementService;
import network.synod.payouts.slashing.SlashResult;
import network.synod.payouts.slashing.SlashingService;
import network.synod.payouts.stake.StakeService;

/** Conservation after a long randomized run, and parallel withdrawals that must never overdraw. */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
class LedgerInvariantsQuarkusTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** %test.synod.payouts.emission.per-epoch */
    private static final long PER_EPOCH = 1_000_000;

    @Inject
    StakeService stake;

    @Inject
    SettlementService settlement;

    @Inject
    SlashingService slashing;

    @Inject
    LedgerAudit audit;

    @Test
    void sumOfBalancesIsEmissionMinusBurnsAfterARandomizedRun() {
        Random random = new Random(20261128);
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            people.add("p" + i);
        }
        List<String> topics = List.of("ta", "tb", "tc");
        for (String t : topics) {
            given().header("Authorization", PayoutsApiQuarkusTest.ADMIN)
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "feeRevenue",
                            50 + topics.indexOf(t) * 100,
                            "minStake",
                            10,
                            "splitMode",
                            t.equals("tc") ? "FIXED" : "ENTROPY"))
                    .put("/v1/admin/topics/" + t + "/economics")
                    .then()
                    .statusCode(200);
        }
        long granted = 0;
        long burned = 0;
        for (String p : people) {
            granted += ok(() -> stake.grant(p, 50_000, null).await().atMost(WAIT)) == null ? 0 : 50_000;
        }
        int epochs = 0;
        int applied = 0;
        int refused = 0;
        for (int op = 0; op < 3_000; op++) {
            String p = people.get(random.nextInt(people.size()));
            String other = people.get(random.nextInt(people.size()));
            String topic = topics.get(random.nextInt(topics.size()));
            long amount = 1 + random.nextInt(8_000);
            int kind = random.nextInt(100);
            Object result;
            if (kind < 4) {
                result = ok(() -> stake.grant(p, amount, null).await().atMost(WAIT));
                granted += result == null ? 0 : amount;
            } else if (kind < 24) {
                result = ok(() -> stake.deposit(p, topic, amount, null).await().atMost(WAIT));
            } else if (kind < 36) {
                result = ok(() ->
                        stake.delegate(p, topic, other, amount, null).await().atMost(WAIT));
            } else if (kind < 50) {
                result = ok(() -> stake.unbond(p, topic, random.nextBoolean() ? null : other, amount, null)
                        .await()
                        .atMost(WAIT));
            } else if (kind < 66) {
                result = ok(() -> stake.withdraw(p, amount, null).await().atMost(WAIT));
            } else if (kind < 76) {
                result = ok(() -> stake.claim(p, amount, null).await().atMost(WAIT));
            } else if (kind < 96) {
                // Settle the next epoch on every topic, with scores for a random subset of people.
                int epoch = ++epochs;
                for (String t : topics) {
                    settlement
                            .settle(randomScores(random, t, epoch, people))
                            .await()
                            .atMost(WAIT);
                }
                result = epoch;
            } else {
                SlashResult slash = slashing.slash(new FraudEvent("ev-" + op, topic, p, other, "random", null))
                        .await()
                        .atMost(WAIT);
                burned += slash.burned();
                result = slash;
            }
            if (result == null) {
                refused++;
            } else {
                applied++;
            }
        }
        LedgerAudit.Report report = audit.check().await().atMost(WAIT);
        assertTrue(report.conserved(), report.toString());
        // Independently of the service's own records: everything granted plus every epoch's full emission
        // (all topics of every epoch were settled) minus what the test saw burned.
        assertEquals(granted + epochs * PER_EPOCH - burned, report.held(), report.toString());
        assertEquals(burned, report.burned());
        assertTrue(applied > 1_500 && refused > 100, "applied " + applied + ", refused " + refused);
        assertTrue(epochs > 300, "epochs " + epochs);
    }

    @Test
    void parallelWithdrawalsNeverOverdraw() throws Exception {
        stake.grant("alice", 1_000, null).await().atMost(WAIT);
        stake.deposit("alice", "conc", 1_000, null).await().atMost(WAIT);
        stake.unbond("alice", "conc", null, 1_000, null).await().atMost(WAIT);
        Unbonding.awaitMatured("alice");
        long liquidBefore = liquid("alice");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            calls.add(() -> given().header("Authorization", "Bearer alice-token")
                    .contentType(ContentType.JSON)
                    .body(Map.of("amount", 70))
                    .post("/v1/participants/alice/stake/withdrawals")
                    .statusCode());
        }
        int ok = 0;
        for (Future<Integer> f : pool.invokeAll(calls)) {
            int status = f.get();
            assertTrue(status == 201 || status == 422, "status " + status);
            ok += status == 201 ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(14, ok); // 14 · 70 = 980 ≤ 1000 < 15 · 70
        assertEquals(liquidBefore + 980, liquid("alice"));
        assertEquals(
                20L,
                ((Number) given().get("/v1/participants/alice/balances")
                                .then()
                                .extract()
                                .path("unbonding"))
                        .longValue());
        assertTrue(audit.check().await().atMost(WAIT).conserved());
    }

    private static long liquid(String p) {
        return ((Number) given().get("/v1/participants/" + p + "/balances")
                        .then()
                        .extract()
                        .path("liquid"))
                .longValue();
    }

    private static EpochScoresEvent randomScores(Random random, String topic, long epoch, List<String> people) {
        List<ParticipantScore> inferers = new ArrayList<>();
        List<ParticipantScore> forecasters = new ArrayList<>();
        List<ParticipantScore> reputers = new ArrayList<>();
        for (String p : people) {
            int role = random.nextInt(4);
            if (role == 0) {
                inferers.add(new ParticipantScore(p, random.nextGaussian()));
            } else if (role == 1) {
                forecasters.add(new ParticipantScore(p, random.nextGaussian()));
            } else if (role == 2) {
                reputers.add(new ParticipantScore(p, 1 + random.nextDouble() * 50));
            }
        }
        return new EpochScoresEvent(
                topic, epoch, inferers, forecasters, reputers, 0.05 + random.nextDouble(), 0.05 + random.nextDouble());
    }

    /** Runs a ledger operation; a refusal (insufficient funds, unknown account …) yields null. */
    private static Object ok(Callable<Object> call) {
        try {
            return call.call();
        } catch (Refusal e) {
            assertTrue(e.reason() != Refusal.Reason.UNAVAILABLE, e.getMessage());
            return null;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
