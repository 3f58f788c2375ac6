package network.synod.core.forecast;

/**
 * Allora's forecaster model: predicts each inferer's log10 loss on the next step as an exponential
 * moving average of its recent revealed log10 losses.
 *
 * <p>Losses persist (a worker that was bad on the last few steps tends to stay bad for a while), so a
 * short average is a strong, cheap predictor: span {@value #DEFAULT_SPAN} gives weight 1/2 to the newest
 * loss, 1/4 to the one before, and so on. The average starts at the oldest loss, so a single loss predicts
 * itself. Pure and deterministic: the same histories always give the same predictions.
 */
public final class LossForecaster {

    /** The default span of the average, in steps. */
    public static final int DEFAULT_SPAN = 3;

    private final int span;
    private final double alpha;

    /** A forecaster averaging over {@value #DEFAULT_SPAN} steps. */
    public LossForecaster() {
        this(DEFAULT_SPAN);
    }

    /** A forecaster whose average has weight {@code 2 / (span + 1)} on the newest loss. */
    public LossForecaster(int span) {
        if (span < 1) {
            throw new IllegalArgumentException("the span must be at least 1 step, got " + span);
        }
        this.span = span;
        this.alpha = 2.0 / (span + 1);
    }

    public int span() {
        return span;
    }

    /** The weight of the newest loss. */
    public double alpha() {
        return alpha;
    }

    /** The predicted next log10 loss of one inferer from its revealed log10 losses, oldest first. */
    public double predict(double[] log10Losses) {
        if (log10Losses == null || log10Losses.length == 0) {
            throw new IllegalArgumentException("a loss history needs at least one revealed loss");
        }
        double s = finite(log10Losses[0]);
        for (int i = 1; i < log10Losses.length; i++) {
            s = alpha * finite(log10Losses[i]) + (1 - alpha) * s;
        }
        return s;
    }

    /** The predicted next log10 loss of each inferer, in the order of the rows given. */
    public double[] predict(double[][] log10LossesByInferer) {
        double[] out = new double[log10LossesByInferer.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = predict(log10LossesByInferer[i]);
        }
        return out;
    }

    private static double finite(double loss) {
        if (!Double.isFinite(loss)) {
            throw new IllegalArgumentException("a loss history holds a value that is not finite: " + loss);
        }
        return loss;
    }
}
