package network.synod.payouts;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jakarta.inject.Inject;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import network.synod.core.events.EpochScoresEvent;
import network.synod.core.events.EpochScoresEvent.ParticipantScore;
import network.synod.embedded.KafkaTestResource;
import network.synod.embedded.PostgresTestResource;
import network.synod.payouts.ledger.LedgerAudit;
import network.synod.payouts.settlement.SettlementService;
import network.synod.payouts.stake.StakeService;

/**
 * On demand, not in the normal run (surefire excludes {@code **}{@code /*Benchmark.java}):
 * {@code mvn -B -o -pl services/payouts -am test -Dtest=SettlementBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Settles one epoch with 100,000 rewarded inferers (first with every account new, then again with the accounts
 * existing), checks that each paid exactly what it should, and requires each to finish within 5 s of wall time.
 *
 * <p>Besides the wall time it prints the CPU time the settlement used in the database's backends, on the event loops
 * (where the settlement's Java code runs) and in the whole JVM: on a shared machine the wall time depends mostly on
 * the load, the CPU time much less.
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
        given().header("Authorization", PayoutsApiQuarkusTest.ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("perEpoch", 1_000_000_000_000L))
                .put("/v1/admin/emission")
                .then()
                .statusCode(200);
        given().header("Authorization", PayoutsApiQuarkusTest.ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("feeRevenue", 1_000))
                .put("/v1/admin/topics/bench/economics")
                .then()
                .statusCode(200);
        stake.grant("bench-reputer", 1_000, null).await().atMost(WAIT);
        stake.deposit("bench-reputer", "bench", 1_000, null).await().atMost(WAIT);
        settlement.settle(scores(1, 100)).await().atMost(WAIT); // warm-up

        List<String> failures = new ArrayList<>();
        for (long epoch = 2; epoch <= 3; epoch++) {
            EpochScoresEvent big = scores(epoch, ACCOUNTS);
            Map<Integer, Long> dbBefore = databaseCpuMillis();
            long jvmBefore = jvmCpuNanos();
            long loopsBefore = eventLoopCpuNanos();
            long start = System.nanoTime();
            settlement.settle(big).await().atMost(WAIT);
            double seconds = (System.nanoTime() - start) / 1e9;
            double jvmCpu = (jvmCpuNanos() - jvmBefore) / 1e9;
            double loopsCpu = (eventLoopCpuNanos() - loopsBefore) / 1e9;
            double dbCpu = cpuSpentMillis(dbBefore, databaseCpuMillis()) / 1e3;
            System.out.printf(
                    "PAYOUTS BENCHMARK epoch %d (%s accounts): %d accounts credited, settled in %.2f s "
                            + "(CPU: %.2f s in PostgreSQL, %.2f s on the event loops, %.2f s in this whole JVM with its "
                            + "compilers, GC and Kafka broker; load average %.2f)%n",
                    epoch,
                    epoch == 2 ? "new" : "existing",
                    ACCOUNTS,
                    seconds,
                    dbCpu,
                    loopsCpu,
                    jvmCpu,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            checkPaidExactly(epoch);
            if (seconds > 5.0) {
                failures.add("epoch " + epoch + " took " + seconds + " s");
            }
        }
        assertTrue(audit.check().await().atMost(WAIT).conserved());
        assertTrue(failures.isEmpty(), String.join("; ", failures));
    }

    /**
     * The epoch's emission went to the topic's pot and the treasury's dust, the pot was paid in full by one
     * balanced ledger transaction, and each of the 100,000 inferers' reward accounts was credited.
     */
    private void checkPaidExactly(long epoch) {
        Row emission = one("SELECT scheduled, treasury_dust FROM epoch_emissions WHERE epoch = $1", epoch);
        Row settled = one("SELECT pot, tx_id FROM settlements WHERE topic = 'bench' AND epoch = $1", epoch);
        long pot = settled.getLong("pot");
        assertEquals(emission.getLong("scheduled"), pot + emission.getLong("treasury_dust"), "emission = pot + dust");
        Row lines = one(
                "SELECT coalesce(sum(amount), 0) AS paid, count(*) FILTER (WHERE role = 'INFERER' AND amount > 0) "
                        + "AS inferers FROM settlement_lines WHERE topic = 'bench' AND epoch = $1",
                epoch);
        assertEquals(pot, lines.getLong("paid"), "report lines add up to the pot");
        assertEquals(ACCOUNTS, lines.getLong("inferers"), "rewarded inferers");
        Row entries = one("""
                SELECT sum(amount) FILTER (WHERE amount > 0) AS credited, sum(amount) AS net,
                       count(*) FILTER (WHERE account_id LIKE 'w%/rewards' AND amount > 0) AS inferers,
                       sum(amount) FILTER (WHERE account_id = 'system/issuance') AS issued
                FROM entries WHERE tx_id = $1""", settled.getLong("tx_id"));
        assertEquals(pot, entries.getLong("credited"), "credits = pot");
        assertEquals(0L, entries.getLong("net"), "balanced");
        assertEquals(-pot, entries.getLong("issued"), "minted = pot");
        assertEquals(ACCOUNTS, entries.getLong("inferers"), "inferer accounts credited");
    }

    private Row one(String sql, long parameter) {
        return pool.preparedQuery(sql)
                .execute(Tuple.of(parameter))
                .await()
                .atMost(WAIT)
                .iterator()
                .next();
    }

    private static EpochScoresEvent scores(long epoch, int n) {
        List<ParticipantScore> inferers = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            inferers.add(new ParticipantScore("w" + i, ((i * 7919L + epoch) % 1000) / 1000.0));
        }
        return new EpochScoresEvent(
                "bench", epoch, inferers, List.of(), List.of(new ParticipantScore("bench-reputer", 2.0)), 0.1, 0.12);
    }

    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The settlement's Java code runs on Vert.x event-loop threads. */
    private static long eventLoopCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith("vert.x-eventloop-thread")) {
                sum += Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
            }
        }
        return sum;
    }

    /** CPU time of every client backend of the test's database (it runs on this machine), in ms, by pid. */
    private Map<Integer, Long> databaseCpuMillis() {
        Map<Integer, Long> out = new HashMap<>();
        for (Row r : pool.query("SELECT pid FROM pg_stat_activity WHERE backend_type = 'client backend'")
                .execute()
                .await()
                .atMost(WAIT)) {
            int pid = r.getInteger(0);
            try {
                String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                out.put(pid, (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10); // utime + stime, 100 ticks/s
            } catch (IOException | RuntimeException e) {
                // Not on Linux or the backend just ended: that CPU time is simply not counted.
            }
        }
        return out;
    }

    private static long cpuSpentMillis(Map<Integer, Long> before, Map<Integer, Long> after) {
        long spent = 0;
        for (Map.Entry<Integer, Long> e : after.entrySet()) {
            spent += e.getValue() - before.getOrDefault(e.getKey(), 0L);
        }
        return spent;
    }
}
