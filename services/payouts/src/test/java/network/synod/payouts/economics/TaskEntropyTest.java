package network.synod.payouts.economics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class TaskEntropyTest {

    @Test
    void twoEqualNewcomersHaveEntropyLnTwo() {
        TaskEntropy.Result r = TaskEntropy.of(new TreeMap<>(Map.of("a", 0.5, "b", 0.5)), Map.of(), 0.1, 0.25);
        assertEquals(StrictMath.log(2), r.entropy(), 1e-15); // N_eff = N, so the factor is 1
        assertEquals(0.5, r.ema().get("a"));
    }

    @Test
    void historySkewsTheDistributionThroughTheEma() {
        // ũ = 0.1·u + 0.9·ũ_prev: a = 0.95, b = 0.05; N_eff = 1/0.905; H = −Σ f ln f · (N_eff/2)^0.25
        TaskEntropy.Result r =
                TaskEntropy.of(new TreeMap<>(Map.of("a", 0.5, "b", 0.5)), Map.of("a", 1.0, "b", 0.0), 0.1, 0.25);
        assertEquals(0.95, r.ema().get("a"), 1e-15);
        assertEquals(0.05, r.ema().get("b"), 1e-15);
        assertEquals(0.1711489411936638, r.entropy(), 1e-12);
    }

    @Test
    void aLoneParticipantGetsAlloraConstant() {
        TaskEntropy.Result r = TaskEntropy.of(new TreeMap<>(Map.of("a", 1.0)), Map.of(), 0.1, 0.25);
        assertEquals(0.173286795139986, r.entropy(), 1e-15);
    }

    @Test
    void nobodyMeansNoEntropy() {
        assertEquals(0, TaskEntropy.of(new TreeMap<>(), Map.of(), 0.1, 0.25).entropy());
    }
}
