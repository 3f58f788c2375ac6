package network.synod.core.synthesis;

import network.synod.core.loss.LossFunction;

/**
 * A topic's synthesis parameters. Defaults follow Allora's calibration (α = 0.1, p = 3, c = 0.75) and its
 * late-rule constants (initial-regret quantile 0.25, p-norm safe divisor 8.25, weight threshold 1e-6).
 *
 * @param lossFloor added to every loss before log10, so a perfect answer stays finite
 * @param epsilon added to the regret scale, so identical regrets do not divide by zero
 */
public record TopicParams(
        LossFunction loss,
        SynthesisMode mode,
        int season,
        double alpha,
        double p,
        double c,
        double epsilon,
        double lossFloor) {

    public static final double INITIAL_REGRET_QUANTILE = 0.25;
    public static final double P_NORM_SAFE_DIV = 8.25;
    public static final double MIN_WEIGHT_FOR_SCALE = 1e-6;

    public TopicParams {
        if (loss == null || mode == null) {
            throw new IllegalArgumentException("a topic needs a loss function and a synthesis mode");
        }
        if (season < 0) {
            throw new IllegalArgumentException("season must be >= 0, got " + season);
        }
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must lie in (0, 1], got " + alpha);
        }
        if (!(p >= 2.5 && p <= 4.5)) {
            throw new IllegalArgumentException("p must lie in [2.5, 4.5], got " + p);
        }
        if (!Double.isFinite(c)) {
            throw new IllegalArgumentException("c must be finite, got " + c);
        }
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be > 0, got " + epsilon);
        }
        if (!(lossFloor > 0) || !Double.isFinite(lossFloor)) {
            throw new IllegalArgumentException("lossFloor must be > 0, got " + lossFloor);
        }
    }

    /** Allora's defaults for a squared-error topic. */
    public static TopicParams defaults(SynthesisMode mode, int season) {
        return new TopicParams(LossFunction.SQUARED, mode, season, 0.1, 3.0, 0.75, 1e-4, 1e-9);
    }

    public TopicParams withMode(SynthesisMode m) {
        return new TopicParams(loss, m, season, alpha, p, c, epsilon, lossFloor);
    }

    public TopicParams withLossFloor(double floor) {
        return new TopicParams(loss, mode, season, alpha, p, c, epsilon, floor);
    }
}
