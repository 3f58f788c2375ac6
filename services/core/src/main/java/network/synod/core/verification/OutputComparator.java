package network.synod.core.verification;

import java.util.Arrays;

/**
 * Compares a worker's answer with the verifier's re-execution. On the same engine and device the answer must be
 * bit-exact (bittensor-gensyn.md §C1.3); across devices it must lie within a tolerance calibrated from honest runs:
 * |a − b| ≤ absolute + relative·max(|a|, |b|) for every value.
 */
public final class OutputComparator {

    /** How equal is equal enough. {@code exact} ignores the two bounds. */
    public record Policy(boolean exact, double absolute, double relative) {

        public static final Policy EXACT = new Policy(true, 0, 0);

        public static Policy tolerance(double absolute, double relative) {
            if (!(absolute >= 0) || !(relative >= 0)) {
                throw new IllegalArgumentException("tolerances must be >= 0");
            }
            return new Policy(false, absolute, relative);
        }
    }

    /** The comparison's evidence: whether it matched, and the largest differences seen. */
    public record Comparison(
            boolean match, double maxAbsoluteDifference, double maxRelativeDifference, String detail) {}

    private OutputComparator() {}

    public static Comparison compare(double[] claimed, double[] reexecuted, Policy policy) {
        if (claimed.length != reexecuted.length) {
            return new Comparison(
                    false,
                    Double.NaN,
                    Double.NaN,
                    "the worker answered " + claimed.length + " values, the verifier " + reexecuted.length);
        }
        double maxAbs = 0;
        double maxRel = 0;
        boolean match = true;
        for (int i = 0; i < claimed.length; i++) {
            double a = claimed[i];
            double b = reexecuted[i];
            double d = Math.abs(a - b);
            double scale = Math.max(Math.abs(a), Math.abs(b));
            maxAbs = Math.max(maxAbs, d);
            maxRel = Math.max(maxRel, scale == 0 ? 0 : d / scale);
            boolean ok = policy.exact()
                    ? Double.doubleToLongBits(a) == Double.doubleToLongBits(b)
                    : d <= policy.absolute() + policy.relative() * scale;
            match &= ok;
        }
        String how = policy.exact()
                ? "bit-exact"
                : "within |d| <= " + policy.absolute() + " + " + policy.relative() + "*|x|";
        return new Comparison(
                match,
                maxAbs,
                maxRel,
                (match ? "equal " : "differ, required ") + how + ": worker " + Arrays.toString(claimed) + ", verifier "
                        + Arrays.toString(reexecuted));
    }

    /**
     * A tolerance from honest cross-device distances: twice their 99.99th percentile (§C1.3), as a relative bound.
     */
    public static Policy calibrate(double[] honestRelativeDistances) {
        if (honestRelativeDistances.length == 0) {
            return Policy.EXACT;
        }
        double[] d = honestRelativeDistances.clone();
        Arrays.sort(d);
        int i = (int) Math.min(d.length - 1, Math.ceil(0.9999 * d.length) - 1);
        return Policy.tolerance(0, 2 * d[Math.max(0, i)]);
    }
}
