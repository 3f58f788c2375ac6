package network.synod.core.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AuditRulesTest {

    private static final byte[] SECRET = "a secret only the auditor holds".getBytes();

    @Test
    void theSeedOpensItsCommitmentAndNoOther() {
        EpochSeed s = EpochSeed.derive(SECRET, "co2", 7);
        assertTrue(EpochSeed.opens(s.commitment(), s.seedHex()));
        assertFalse(EpochSeed.opens(
                s.commitment(), EpochSeed.derive(SECRET, "co2", 8).seedHex()));
    }

    @Test
    void samplingIsDeterministicAndHitsTheRate() {
        byte[] seed = EpochSeed.derive(SECRET, "co2", 1).seed();
        int audited = 0;
        int n = 200_000;
        AuditSampler.Keyed keyed = new AuditSampler.Keyed(seed);
        for (int i = 0; i < n; i++) {
            boolean a = AuditSampler.audited(seed, "req-" + i, "w", 0.02);
            assertEquals(a, keyed.audited("req-" + i, "w", 0.02));
            audited += a ? 1 : 0;
        }
        // Binomial(200000, 0.02): mean 4000, sd 63.
        assertEquals(4000, audited, 300);
        assertFalse(AuditSampler.audited(seed, "x", "w", 0));
        assertTrue(AuditSampler.audited(seed, "x", "w", 1));
    }

    @Test
    void anotherSeedAuditsOtherAnswers() {
        byte[] a = EpochSeed.derive(SECRET, "co2", 1).seed();
        byte[] b = EpochSeed.derive(SECRET, "co2", 2).seed();
        int same = 0;
        for (int i = 0; i < 10_000; i++) {
            if (AuditSampler.audited(a, "req-" + i, "w", 0.5) == AuditSampler.audited(b, "req-" + i, "w", 0.5)) {
                same++;
            }
        }
        assertEquals(5000, same, 300);
    }

    @Test
    void detectionProbabilityMatchesTheClosedForm() {
        assertEquals(0.632, AuditSampler.detectionProbability(0.01, 0.10, 1000), 0.001);
        assertEquals(0.99995, AuditSampler.detectionProbability(0.01, 0.10, 10_000), 0.00001);
        assertEquals(0.99995, AuditSampler.detectionProbability(0.02, 0.05, 10_000), 0.00001);
    }

    @Test
    void comparatorIsBitExactOrWithinTolerance() {
        assertTrue(OutputComparator.compare(new double[] {1.0}, new double[] {1.0}, OutputComparator.Policy.EXACT)
                .match());
        assertFalse(OutputComparator.compare(
                        new double[] {1.0}, new double[] {Math.nextUp(1.0)}, OutputComparator.Policy.EXACT)
                .match());
        assertTrue(OutputComparator.compare(
                        new double[] {1.0}, new double[] {1.0 + 1e-9}, OutputComparator.Policy.tolerance(0, 1e-6))
                .match());
        assertFalse(OutputComparator.compare(
                        new double[] {1.0}, new double[] {1.01}, OutputComparator.Policy.tolerance(0, 1e-6))
                .match());
        assertFalse(OutputComparator.compare(new double[] {1.0}, new double[] {1, 2}, OutputComparator.Policy.EXACT)
                .match());
        OutputComparator.Policy p = OutputComparator.calibrate(new double[] {1e-9, 2e-9, 3e-9});
        assertEquals(6e-9, p.relative(), 1e-15);
    }

    @Test
    void aSmallSimulationDetectsAtThePredictedRate() {
        DetectionSimulation.Result r = DetectionSimulation.run(200, 2_000, 0.02, 0.05, 1, x -> x, x -> x + 1);
        // Predicted 1 − (1 − 0.001)^2000 = 0.865; 200 trials: sd 0.024.
        assertEquals(r.predicted(), r.measured(), 0.1);
        assertEquals(0, r.falsePositives());
    }
}
