package network.synod.core.synthesis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PotentialAndStatsTest {

    @Test
    void potentialAndGradientAtHandPoints() {
        // At x = c: φ = ln 2 and φ′ = p/2.
        assertEquals(Math.log(2), Potential.phi(0.75, 3, 0.75), 1e-15);
        assertEquals(1.5, Potential.gradient(0.75, 3, 0.75), 1e-15);
        // φ′(x) = 3 / (1 + e^{3(0.75 − 1.75)}) = 3 / (1 + e^{−3}).
        assertEquals(3 / (1 + Math.exp(-3)), Potential.gradient(1.75, 3, 0.75), 1e-15);
        assertEquals(
                Potential.gradient(-1, 3, 0.75) / Potential.gradient(2, 3, 0.75),
                Potential.weightRatio(-1, 2, 3, 0.75),
                1e-15);
        assertEquals(1.0, Potential.weightRatio(2, 2, 3, 0.75), 0);
    }

    @Test
    void weightsStayOrderedAndFiniteForHugeRegrets() {
        double far = Potential.weightRatio(-30, 500, 3, 0.75);
        double near = Potential.weightRatio(-20, 500, 3, 0.75);
        assertTrue(far > 0 && far < near && Double.isFinite(near), far + " " + near);
    }

    @Test
    void orderStatistics() {
        assertEquals(2.5, Stats.median(new double[] {4, 1, 3, 2}), 0);
        assertEquals(1.75, Stats.quantile(new double[] {1, 2, 3, 4}, 0.25), 1e-15);
        // deviations from median 3 of {1,2,3,4,10}: {2,1,0,1,7} → median 1.
        assertEquals(1.0, Stats.mad(new double[] {1, 2, 3, 4, 10}), 0);
        assertEquals(Math.sqrt(2.5), Stats.sampleStd(new double[] {1, 2, 3, 4, 5}), 1e-15);
    }

    @Test
    void weightedPercentilesInterpolateBetweenCentredPositions() {
        // Values 1, 2, 3 with weights 1, 2, 1: positions (0.5/4, 2/4, 3.5/4) = (0.125, 0.5, 0.875).
        double[] out = Stats.weightedPercentiles(
                new double[] {3, 1, 2}, new double[] {1, 1, 2}, new double[] {10, 50, 68.75, 90});
        assertArrayEquals(new double[] {1, 2, 2.5, 3}, out, 1e-12);
    }
}
