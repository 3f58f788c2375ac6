package network.synod.payouts.economics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class TopicSettlementTest {

    @Test
    void fixedFractionsPayEachRoleAndSendAnEmptyRolesShareToTheTreasury() {
        SplitParams params =
                SplitParams.allora().withMode(SplitParams.SplitMode.FIXED).withFixed(5_000, 2_000, 3_000);
        TopicSettlement.Plan plan = TopicSettlement.plan(
                input(1_000, Map.of("a", 1.0, "b", 1.0), Map.of(), Map.of("r", 1.0), Map.of("r", 100L), List.of()),
                params);
        assertEquals(Map.of("a", 250L, "b", 250L, "r", 300L, "treasury", 200L), plan.credits());
        assertEquals(500, plan.inferersPot());
        assertEquals(0, plan.forecastersPot());
        assertEquals(300, plan.reputersPot());
        assertEquals(200, plan.dust());
    }

    @Test
    void reputerRewardIsSharedWithDelegatorsByStake() {
        SplitParams params =
                SplitParams.allora().withMode(SplitParams.SplitMode.FIXED).withFixed(0, 0, 10_000);
        TopicSettlement.Plan plan = TopicSettlement.plan(
                input(
                        301,
                        Map.of(),
                        Map.of(),
                        Map.of("r", 1.0),
                        Map.of("r", 100L),
                        List.of(new TopicSettlement.Delegation("d", "r", 200L))),
                params);
        // d gets floor(301 · 200/300) = 200; r keeps 100 plus the rounding unit.
        assertEquals(Map.of("r", 101L, "d", 200L), plan.credits());
    }

    @Test
    void participantsBelowTheTopicMinimumStakeAreNotPaid() {
        SplitParams params = SplitParams.allora()
                .withMode(SplitParams.SplitMode.FIXED)
                .withFixed(10_000, 0, 0)
                .withMinStake(50);
        TopicSettlement.Plan plan = TopicSettlement.plan(
                input(
                        1_000,
                        Map.of("rich", 1.0, "poor", 1.0),
                        Map.of(),
                        Map.of(),
                        Map.of("rich", 50L, "poor", 49L),
                        List.of()),
                params);
        assertEquals(Map.of("rich", 1_000L), plan.credits());
    }

    @Test
    void validatorsAndTheTopicOwnerTakeTheirSharesFirst() {
        SplitParams params = SplitParams.allora()
                .withMode(SplitParams.SplitMode.FIXED)
                .withFixed(10_000, 0, 0)
                .withShares(2_500, 1_000, List.of("v1", "v2", "v3"));
        TopicSettlement.Plan plan =
                TopicSettlement.plan(input(10_000, Map.of("a", 1.0), Map.of(), Map.of(), Map.of(), List.of()), params);
        assertEquals(833L, plan.credits().get("v1"));
        assertEquals(1_000L, plan.credits().get("topic-owner:t"));
        assertEquals(6_500L, plan.credits().get("a"));
        assertEquals(1L, plan.credits().get("treasury")); // 2500 split three ways
    }

    @Test
    void entropySplitMatchesHandWorkedPots() {
        // F = ln 2 (two equal inferers), G = H = ln2/4 (lone forecaster, lone reputer);
        // T_i = log10(0.2/0.1), τ = 0.0301030, χ = 0.1120412, γ = 1.3646749
        // U : V : W = 807850.03 : 25483.30 : 166666.67 per million.
        TopicSettlement.Plan plan = TopicSettlement.plan(
                input(1_000_000, Map.of("a", 1.0, "b", 1.0), Map.of("f", 0.3), Map.of("r", 1.0), Map.of(), List.of()),
                SplitParams.allora());
        assertEquals(807_850, plan.inferersPot());
        assertEquals(25_483, plan.forecastersPot());
        assertEquals(166_666, plan.reputersPot());
        assertEquals(0.11204119982655926, plan.chi(), 1e-12);
        assertEquals(403_925L, plan.credits().get("a"));
        assertEquals(403_925L, plan.credits().get("b"));
        assertEquals(25_483L, plan.credits().get("f"));
        assertEquals(166_666L, plan.credits().get("r"));
        assertEquals(1L, plan.credits().get("treasury"));
    }

    @Test
    void randomSettlementsAlwaysPayThePotExactlyAndDeterministically() {
        Random random = new Random(7);
        for (int round = 0; round < 300; round++) {
            Map<String, Double> inf = randomScores(random, "i", random.nextInt(20));
            Map<String, Double> fc = randomScores(random, "f", random.nextInt(5));
            Map<String, Double> rep = randomScores(random, "r", random.nextInt(6));
            Map<String, Long> stake = new HashMap<>();
            rep.keySet().forEach(r -> stake.put(r, (long) random.nextInt(1_000)));
            List<TopicSettlement.Delegation> delegations = new ArrayList<>();
            rep.keySet()
                    .forEach(r -> delegations.add(new TopicSettlement.Delegation("d-" + r, r, random.nextInt(500))));
            long pot = random.nextInt(1_000_000_000);
            SplitParams params = random.nextBoolean()
                    ? SplitParams.allora()
                    : SplitParams.allora().withMode(SplitParams.SplitMode.FIXED).withFixed(4_000, 3_000, 2_000);
            TopicSettlement.Input in = input(pot, inf, fc, rep, stake, delegations);
            TopicSettlement.Plan plan = TopicSettlement.plan(in, params);
            assertEquals(
                    pot,
                    plan.credits().values().stream().mapToLong(Long::longValue).sum());
            assertFalse(plan.credits().values().stream().anyMatch(v -> v < 0));
            assertEquals(plan.credits(), TopicSettlement.plan(in, params).credits());
            assertTrue(plan.dust() >= 0);
        }
    }

    private static Map<String, Double> randomScores(Random random, String prefix, int n) {
        Map<String, Double> out = new HashMap<>();
        for (int i = 0; i < n; i++) {
            out.put(prefix + i, random.nextGaussian());
        }
        return out;
    }

    private static TopicSettlement.Input input(
            long pot,
            Map<String, Double> inferers,
            Map<String, Double> forecasters,
            Map<String, Double> reputers,
            Map<String, Long> stake,
            List<TopicSettlement.Delegation> delegations) {
        return new TopicSettlement.Input(
                "t",
                pot,
                sorted(inferers),
                sorted(forecasters),
                sorted(reputers),
                0.1,
                0.2,
                stake,
                delegations,
                Map.of(),
                0);
    }

    private static SortedMap<String, Double> sorted(Map<String, Double> m) {
        return new TreeMap<>(m);
    }
}
