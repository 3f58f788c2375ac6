package network.synod.core.classification;

import java.util.Arrays;

/**
 * Online calibration of a classifier's log-scores (temperature and per-label bias, Platt scaling for k labels):
 * {@code p_c ∝ exp(a · s_c + b_c)}, with {@code a} and {@code b} fitted by AdaGrad on the log-loss of each
 * revealed label. Naive Bayes adds up hundreds of log-ratios as if tokens were independent, so its raw posterior
 * is nearly always 0 or 1; the fitted {@code a} shrinks that to what the revealed labels bear out.
 */
public final class TemperatureCalibration {

    private final double learningRate;
    private double scale;
    private final double[] bias;
    private double scaleSquares;
    private final double[] biasSquares;

    /** Starts at {@code p_c ∝ exp(initialScale · s_c)}. */
    public TemperatureCalibration(int labels, double initialScale, double learningRate) {
        this.scale = initialScale;
        this.learningRate = learningRate;
        this.bias = new double[labels];
        this.biasSquares = new double[labels];
    }

    /** The calibrated probabilities of log-scores {@code s} (any offset: only differences count). */
    public double[] probabilities(double[] s) {
        double max = Arrays.stream(s).max().orElse(0);
        double[] z = new double[s.length];
        for (int c = 0; c < s.length; c++) {
            z[c] = scale * (s[c] - max) + bias[c];
        }
        return LogOddsStacker.softmax(z);
    }

    /** One step on the log-loss of the answer to {@code s} once its label is revealed. */
    public void learn(double[] s, int label) {
        double[] p = probabilities(s);
        double max = Arrays.stream(s).max().orElse(0);
        double gScale = 0;
        for (int c = 0; c < s.length; c++) {
            double g = p[c] - (c == label ? 1 : 0);
            gScale += g * (s[c] - max);
            biasSquares[c] += g * g;
            bias[c] -= learningRate * g / Math.sqrt(biasSquares[c] + 1e-12);
        }
        scaleSquares += gScale * gScale;
        scale = Math.max(0, scale - learningRate * gScale / Math.sqrt(scaleSquares + 1e-12));
    }

    public double scale() {
        return scale;
    }
}
