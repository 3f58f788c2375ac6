package network.synod.operator.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class ReplicaPolicyTest {
    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final ScalingBounds SERVERLESS = new ScalingBounds(0, 5, 4, Duration.ofMinutes(5));

    @Test
    void testDemandDividedByTargetRoundedUpWithinBounds() {
        assertEquals(3, decide(SERVERLESS, new Demand(9, NOW), 1).replicas());
        assertEquals(1, decide(SERVERLESS, new Demand(1, NOW), 2).replicas());
        assertEquals(5, decide(SERVERLESS, new Demand(1000, NOW), 2).replicas());
        assertEquals("Demand", decide(SERVERLESS, new Demand(4, NOW), 1).reason());
    }

    @Test
    void testIdleKeepsOneUntilIdleTimeThenZero() {
        Demand recent = new Demand(0, NOW.minusSeconds(60));
        Demand stale = new Demand(0, NOW.minusSeconds(301));
        assertEquals(1, decide(SERVERLESS, recent, 3).replicas());
        ScalingDecision zero = decide(SERVERLESS, stale, 1);
        assertEquals(0, zero.replicas());
        assertEquals("ScaledToZero", zero.reason());
    }

    @Test
    void testIdleTimeCountsFromActivationWhenNoRequestSeen() {
        assertEquals(
                1,
                ReplicaPolicy.decide(SERVERLESS, Demand.NONE, 1, NOW.minusSeconds(10), null, NOW)
                        .replicas());
        assertEquals(
                0,
                ReplicaPolicy.decide(SERVERLESS, Demand.NONE, 1, NOW.minusSeconds(600), null, NOW)
                        .replicas());
    }

    @Test
    void testAColdStartLongerThanTheIdleTimeIsNotIdleness() {
        ScalingBounds quick = new ScalingBounds(0, 1, 4, Duration.ofSeconds(3));
        Instant woke = NOW.minusSeconds(60);
        // Asked for a replica 60 s ago, none ready yet, no request since: still waking, not idle.
        ScalingDecision waking = ReplicaPolicy.decide(quick, Demand.NONE, 1, woke, woke, NOW);
        assertEquals(1, waking.replicas());
        assertEquals("Activating", waking.reason());
        // Once ready (no activation under way, active since readiness) the idle time counts from readiness.
        assertEquals(
                1,
                ReplicaPolicy.decide(quick, Demand.NONE, 1, NOW.minusSeconds(2), null, NOW)
                        .replicas());
        assertEquals(
                0,
                ReplicaPolicy.decide(quick, Demand.NONE, 1, NOW.minusSeconds(3), null, NOW)
                        .replicas());
    }

    @Test
    void testAnActivationThatNeverBecomesReadyGivesUpAtTheDeadline() {
        Instant woke = NOW.minus(ReplicaPolicy.ACTIVATION_DEADLINE);
        ScalingDecision stuck = ReplicaPolicy.decide(SERVERLESS, Demand.NONE, 1, woke, woke, NOW);
        assertEquals(0, stuck.replicas());
        assertEquals("ActivationDeadlineExceeded", stuck.reason());
        // Requests in flight keep asking for a replica, deadline or not.
        assertEquals(
                1,
                ReplicaPolicy.decide(SERVERLESS, new Demand(1, NOW), 1, woke, woke, NOW)
                        .replicas());
    }

    @Test
    void testActivationFromZeroWhenDemandAppears() {
        ScalingDecision stay = decide(SERVERLESS, new Demand(0, NOW.minusSeconds(10)), 0);
        assertEquals(0, stay.replicas());
        ScalingDecision wake = decide(SERVERLESS, new Demand(6, NOW), 0);
        assertEquals(2, wake.replicas());
        assertTrue(wake.activation());
        assertFalse(decide(SERVERLESS, new Demand(6, NOW), 1).activation());
    }

    @Test
    void testMinimumReplicasNeverScaleToZeroAndWinOverMax() {
        ScalingBounds pinned = new ScalingBounds(2, 1, 4, Duration.ZERO);
        assertEquals(2, decide(pinned, new Demand(0, NOW.minusSeconds(3600)), 2).replicas());
        assertEquals(2, decide(pinned, new Demand(100, NOW), 2).replicas());
    }

    @Test
    void testUnknownDemandHoldsStillAndNewWorkerStartsWarm() {
        assertEquals(
                3, ReplicaPolicy.decide(SERVERLESS, null, 3, null, null, NOW).replicas());
        ScalingDecision fresh = ReplicaPolicy.decide(SERVERLESS, null, null, null, null, NOW);
        assertEquals(1, fresh.replicas());
        assertTrue(fresh.activation());
        assertEquals("DemandUnknown", fresh.reason());
    }

    @Test
    void testMergeTakesLargerLoadAndLatestRequest() {
        Demand merged =
                new Demand(3, NOW.minusSeconds(5)).merge(new Demand(1, NOW)).merge(Demand.NONE);
        assertEquals(3, merged.inFlight());
        assertEquals(NOW, merged.lastRequestAt());
        assertNull(Demand.NONE.merge(Demand.NONE).lastRequestAt());
    }

    private static ScalingDecision decide(ScalingBounds bounds, Demand demand, int current) {
        return ReplicaPolicy.decide(bounds, demand, current, NOW.minusSeconds(3600), null, NOW);
    }
}
