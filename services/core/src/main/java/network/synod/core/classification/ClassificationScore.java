package network.synod.core.classification;

/**
 * Accuracy and mean log-loss (natural log) of one predictor over the messages scored so far. A probability is
 * clipped to [{@link #EPSILON}, 1] before its log is taken, as scikit-learn's log_loss does, so one confident
 * mistake costs at most about 34.5 nats rather than infinity.
 */
public final class ClassificationScore {

    public static final double EPSILON = 1e-15;

    private long scored;
    private long correct;
    private double logLossSum;

    /** Scores one answer against the revealed label. */
    public void add(double[] probabilities, int label) {
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        scored++;
        if (best == label) {
            correct++;
        }
        logLossSum += logLoss(probabilities, label);
    }

    /** The log-loss of one answer: −ln p(label), p clipped to [EPSILON, 1]. */
    public static double logLoss(double[] probabilities, int label) {
        return -Math.log(Math.min(1, Math.max(EPSILON, probabilities[label])));
    }

    public long scored() {
        return scored;
    }

    public double accuracy() {
        return scored == 0 ? Double.NaN : (double) correct / scored;
    }

    public double logLoss() {
        return scored == 0 ? Double.NaN : logLossSum / scored;
    }
}
