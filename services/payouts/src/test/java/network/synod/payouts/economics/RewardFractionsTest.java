package network.synod.payouts.economics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class RewardFractionsTest {

    @Test
    void phiAtTheAnchorIsLnTwo() {
        assertEquals(StrictMath.log(2), RewardFractions.phi(3, 0.75, 0.75), 1e-15);
        assertEquals(3 * (100 - 0.75), RewardFractions.phi(3, 0.75, 100), 1e-9); // no overflow, ~linear
    }

    @Test
    void workersWithSpreadScoresFollowThePotential() {
        // σ = 1 (population), so x = ±1/(1 + 1e-7); M(a) = ln(1 + e^{0.75}), M(b) = ln(1 + e^{-5.25}).
        SortedMap<String, Double> u = RewardFractions.workers(scores(Map.of("a", 1.0, "b", -1.0)), 3, 0.75);
        assertEquals(0.9954174077328355, u.get("a"), 1e-9);
        assertEquals(0.004582592267164623, u.get("b"), 1e-9);
    }

    @Test
    void workersWithIdenticalScoresShareEqually() {
        SortedMap<String, Double> u = RewardFractions.workers(scores(Map.of("a", 0.2, "b", 0.2, "c", 0.2)), 3, 0.75);
        u.values().forEach(v -> assertEquals(1.0 / 3, v, 1e-15));
    }

    @Test
    void reputersAreWeightedByStakeTimesScore() {
        SortedMap<String, Double> u =
                RewardFractions.reputers(scores(Map.of("r1", 2.0, "r2", 1.0)), Map.of("r1", 100L, "r2", 300L), 1);
        assertEquals(0.4, u.get("r1"), 1e-15); // 200 / 500
        assertEquals(0.6, u.get("r2"), 1e-15); // 300 / 500
    }

    @Test
    void reputersWithoutStakeShareEqually() {
        SortedMap<String, Double> u = RewardFractions.reputers(scores(Map.of("r1", 2.0, "r2", 1.0)), Map.of(), 1);
        assertEquals(0.5, u.get("r1"));
        assertEquals(0.5, u.get("r2"));
    }

    private static SortedMap<String, Double> scores(Map<String, Double> raw) {
        return new TreeMap<>(raw);
    }
}
