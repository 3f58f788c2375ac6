package network.synod.core.verification;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

/**
 * Simulated cheaters against the real audit rule: a worker fakes each of its n answers with probability f, every
 * answer is sampled with {@link AuditSampler} under a fresh secret per trial (one epoch seed per 100 records), and an
 * audited answer is compared bit-exactly with an honest re-execution. A trial detects the cheater if any audit fails.
 */
public final class DetectionSimulation {

    /** The measured and the predicted detection probability over the trials, and what the audits cost. */
    public record Result(
            int trials,
            long answersPerTrial,
            double rate,
            double fakedFraction,
            int detected,
            double measured,
            double predicted,
            long audited,
            long auditedFakes,
            double auditedShare,
            long honestAudits,
            long falsePositives) {}

    private DetectionSimulation() {}

    /**
     * @param honest the honest model: the answer for input x (x is the request's index)
     * @param fake what the cheater answers instead
     */
    public static Result run(
            int trials,
            long n,
            double rate,
            double f,
            long seed,
            DoubleUnaryOperator honest,
            DoubleUnaryOperator fake) {
        SplittableRandom random = new SplittableRandom(seed);
        int detected = 0;
        long audited = 0;
        long auditedFakes = 0;
        long honestAudits = 0;
        long falsePositives = 0;
        for (int t = 0; t < trials; t++) {
            byte[] secret = new byte[32];
            for (int i = 0; i < secret.length; i++) {
                secret[i] = (byte) random.nextInt(256);
            }
            boolean caught = false;
            AuditSampler.Keyed sampler = null;
            for (long i = 0; i < n; i++) {
                if (i % 100 == 0) {
                    sampler = new AuditSampler.Keyed(
                            EpochSeed.derive(secret, "bench", i / 100).seed());
                }
                boolean faked = random.nextDouble() < f;
                double x = i;
                double claimed = faked ? fake.applyAsDouble(x) : honest.applyAsDouble(x);
                if (!sampler.audited("req-" + t + "-" + i, "cheater", rate)) {
                    continue;
                }
                audited++;
                boolean match = OutputComparator.compare(
                                new double[] {claimed},
                                new double[] {honest.applyAsDouble(x)},
                                OutputComparator.Policy.EXACT)
                        .match();
                if (faked) {
                    auditedFakes++;
                    caught |= !match;
                } else {
                    honestAudits++;
                    if (!match) {
                        falsePositives++;
                    }
                }
            }
            if (caught) {
                detected++;
            }
        }
        return new Result(
                trials,
                n,
                rate,
                f,
                detected,
                detected / (double) trials,
                AuditSampler.detectionProbability(rate, f, n),
                audited,
                auditedFakes,
                audited / ((double) trials * n),
                honestAudits,
                falsePositives);
    }
}
