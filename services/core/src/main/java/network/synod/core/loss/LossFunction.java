package network.synod.core.loss;

/** A topic's loss function: how far a prediction is from the revealed truth (non-negative). */
public enum LossFunction {
    /** Squared error, (y − ŷ)²; its mean is the MSE. */
    SQUARED("mse"),
    /** Absolute error, |y − ŷ|. */
    ABSOLUTE("mae"),
    /** Log-loss of a predicted probability ŷ ∈ (0,1) of an outcome y ∈ [0,1]. */
    LOG_LOSS("logloss");

    /** Probabilities are clipped this far inside (0,1) so that a confident miss costs a lot, not infinity. */
    static final double PROBABILITY_CLIP = 1e-15;

    private final String id;

    LossFunction(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Parses the id a topic is configured with: {@code mse}, {@code mae} or {@code logloss}. */
    public static LossFunction fromId(String id) {
        for (LossFunction f : values()) {
            if (f.id.equals(id)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown loss function '" + id + "'; expected mse, mae or logloss");
    }

    /** The loss of {@code predicted} against {@code truth}. */
    public double of(double truth, double predicted) {
        return switch (this) {
            case SQUARED -> (truth - predicted) * (truth - predicted);
            case ABSOLUTE -> Math.abs(truth - predicted);
            case LOG_LOSS -> {
                if (truth < 0 || truth > 1) {
                    throw new IllegalArgumentException("log-loss needs an outcome in [0,1], got " + truth);
                }
                double q = Math.min(1 - PROBABILITY_CLIP, Math.max(PROBABILITY_CLIP, predicted));
                yield -(truth * Math.log(q) + (1 - truth) * Math.log(1 - q));
            }
        };
    }

    /**
     * Allora's transform of a non-negative loss: log10(loss + floor). The floor keeps a perfect answer finite;
     * all regret arithmetic happens on these logs, so a difference of losses is the log of their ratio.
     */
    public double log10(double truth, double predicted, double floor) {
        return Math.log10(of(truth, predicted) + floor);
    }
}
