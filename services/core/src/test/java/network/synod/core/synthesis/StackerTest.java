package network.synod.core.synthesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class StackerTest {

    /**
     * Truth = seasonal lag + a constant drift of 2: neither worker alone is right, but 1·(lag − last) + 2 is.
     * A convex regret-weighted mean cannot find that; the stack must.
     */
    @Test
    void learnsAnExactLinearCombinationWithDrift() {
        Random rnd = new Random(7);
        StackingState s = StackingState.initial();
        Double stacked = null;
        double truth = 0;
        for (int t = 0; t < 400; t++) {
            double last = 100 + rnd.nextGaussian() * 5;
            double lag = 100 + rnd.nextGaussian() * 5;
            SortedMap<String, Double> inf = new TreeMap<>(Map.of("last", last, "lag", lag));
            stacked = Stacker.stacked(s, last, inf);
            truth = lag + 2;
            s = Stacker.learn(s, last, inf, stacked, (last + lag) / 2, stacked == null ? last : stacked, truth);
        }
        assertEquals(truth, stacked, 0.25); // values around 100, workers' noise 5
        double[] beta = Stacker.coefficients(s);
        assertEquals(2.0, beta[0], 0.05); // intercept
        assertEquals(1.0, beta[1], 0.02); // lag
        assertEquals(0.0, beta[2], 0.02); // last
    }

    @Test
    void aBurstOfOutliersBendsTheStackLittle() {
        double[] clean = run(false);
        double[] burst = run(true);
        // 20 truths off by 1000 scales in a row: without clipping the lag coefficient would be dragged far off.
        assertEquals(clean[1], burst[1], 0.05, "lag coefficient");
        assertEquals(clean[0], burst[0], 0.5, "intercept");
    }

    private static double[] run(boolean withBurst) {
        Random rnd = new Random(11);
        StackingState s = StackingState.initial();
        for (int t = 0; t < 600; t++) {
            double last = 50 + rnd.nextGaussian();
            double lag = 50 + rnd.nextGaussian();
            SortedMap<String, Double> inf = new TreeMap<>(Map.of("last", last, "lag", lag));
            Double stacked = Stacker.stacked(s, last, inf);
            double truth = 0.7 * lag + 0.3 * last + 0.1 * rnd.nextGaussian();
            if (withBurst && t >= 300 && t < 320) {
                truth += 1000;
            }
            s = Stacker.learn(s, last, inf, stacked, last, stacked == null ? last : stacked, truth);
        }
        return Stacker.coefficients(s);
    }

    @Test
    void aNewMemberStartsEmptyAndKnownOnesKeepTheirHistory() {
        StackingState s = StackingState.initial();
        for (int t = 0; t < 30; t++) {
            SortedMap<String, Double> inf = new TreeMap<>(Map.of("a", 1.0 + t, "b", 2.0 * t));
            s = Stacker.learn(s, t, inf, null, t, t, t + 1);
        }
        SortedMap<String, Double> three = new TreeMap<>(Map.of("a", 1.0, "b", 2.0, "c", 3.0));
        assertNull(Stacker.stacked(s, 0, three), "members changed: no answer until the equations are re-indexed");
        StackingState remapped = Stacker.remap(s, java.util.List.of("a", "b", "c"));
        assertEquals(s.gram()[1 * 3 + 2], remapped.gram()[1 * 4 + 2], 0);
        assertEquals(0.0, remapped.gram()[3 * 4 + 3], 0);
        assertTrue(remapped.observations() == s.observations());
    }
}
