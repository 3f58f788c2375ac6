package network.synod.payouts;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import network.synod.embedded.KafkaTestResource;
import network.synod.embedded.PostgresTestResource;
import network.synod.payouts.ledger.LedgerAudit;
import network.synod.payouts.settlement.EpochScores;
import network.synod.payouts.settlement.SettlementService;
import network.synod.payouts.stake.StakeService;

/**
 * On demand, not in the normal run (the name does not match surefire's includes):
 * {@code mvn -B -pl services/payouts -am test -Dtest=SettlementBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Settles one epoch with 100,000 rewarded inferers (first with every account new, then again with the accounts
 * existing) and requires each to finish within 5 s.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
class SettlementBenchmark {

    private static final int ACCOUNTS = 100_000;
    private static final Duration WAIT = Duration.ofMinutes(2);

    @Inject
    SettlementService settlement;
    @Inject
    StakeService stake;
    @Inject
    LedgerAudit audit;
    @Inject
    Pool pool;

    @Test
    void settlesOneHundredThousandAccountsWithinFiveSeconds() {
        // A large emission so that even the lowest-scored of 100,000 inferers earns at least one unit.
        given().header("Authorization", PayoutsApiTest.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("perEpoch", 1_000_000_000_000L)).put("/v1/admin/emission").then().statusCode(200);
        given().header("Authorization", PayoutsApiTest.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("feeRevenue", 1_000)).put("/v1/admin/topics/bench/economics").then().statusCode(200);
        stake.grant("bench-reputer", 1_000, null).await().atMost(WAIT);
        stake.deposit("bench-reputer", "bench", 1_000, null).await().atMost(WAIT);
        settlement.settle(scores(1, 100)).await().atMost(WAIT); // warm-up

        for (long epoch = 2; epoch <= 3; epoch++) {
            EpochScores big = scores(epoch, ACCOUNTS);
            long start = System.nanoTime();
            settlement.settle(big).await().atMost(WAIT);
            double seconds = (System.nanoTime() - start) / 1e9;
            long paid = pool.query("SELECT count(*) FROM settlement_lines WHERE topic = 'bench' AND epoch = " + epoch
                    + " AND role = 'INFERER' AND amount > 0").execute().await().atMost(WAIT).iterator().next().getLong(0);
            System.out.printf("PAYOUTS BENCHMARK epoch %d: %d rewarded inferers settled in %.2f s (%s accounts)%n", epoch,
                    paid, seconds, epoch == 2 ? "new" : "existing");
            System.out.println("PAYOUTS BENCHMARK load average " + java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean().getSystemLoadAverage());
            assertEquals(ACCOUNTS, paid);
            assertTrue(seconds <= 5.0, "settlement took " + seconds + " s");
        }
        assertTrue(audit.check().await().atMost(WAIT).conserved());
    }

    private static EpochScores scores(long epoch, int n) {
        List<EpochScores.Score> inferers = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            inferers.add(new EpochScores.Score("w" + i, ((i * 7919L + epoch) % 1000) / 1000.0));
        }
        return new EpochScores("bench", epoch, inferers, List.of(),
                List.of(new EpochScores.Score("bench-reputer", 2.0)), 0.1, 0.12);
    }
}
