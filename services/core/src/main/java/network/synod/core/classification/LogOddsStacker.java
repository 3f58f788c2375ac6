package network.synod.core.classification;

import java.util.Arrays;

/**
 * The network's answer on a classification subnet, offline: a stacked logistic regression over the workers'
 * log-probabilities, fitted online on revealed labels only. For label c the score is
 * {@code z_c = b_c + Σ_i w_i · ln max(p_i(c), floor)} and the answer is softmax(z); with every {@code w_i = 1/N}
 * and {@code b = 0} (where it starts) that is the normalised geometric mean of the workers. Each revealed label
 * takes one AdaGrad step on the log-loss of the answer given for it, so workers whose log-odds predict well gain
 * weight, and a worker that is confidently wrong loses it. Deterministic: no randomness at all.
 *
 * <p>Later the incentive-weighted combination comes from Yuma; this is the offline replay's stand-in.
 */
public final class LogOddsStacker {

    /** The smallest probability a worker's answer counts with (its log is at least ln 1e-4 ≈ −9.2). */
    public static final double FLOOR = 1e-4;

    private final int labels;
    private final int experts;
    private final double learningRate;
    private final double[] weights;
    private final double[] bias;
    private final double[] weightSquares;
    private final double[] biasSquares;

    /** A stacker over {@code experts} workers' answers on {@code labels} labels. */
    public LogOddsStacker(int labels, int experts, double learningRate) {
        if (labels < 2 || experts < 1 || !(learningRate > 0)) {
            throw new IllegalArgumentException("need >= 2 labels, >= 1 expert and a positive learning rate");
        }
        this.labels = labels;
        this.experts = experts;
        this.learningRate = learningRate;
        this.weights = new double[experts];
        Arrays.fill(weights, 1.0 / experts);
        this.bias = new double[labels];
        this.weightSquares = new double[experts];
        this.biasSquares = new double[labels];
    }

    /** The default learning rate, 0.05, with which docs/benchmarks.md was measured. */
    public static LogOddsStacker withDefaults(int labels, int experts) {
        return new LogOddsStacker(labels, experts, 0.05);
    }

    /** The combined probabilities of every label; {@code answers[i]} is worker i's probability vector. */
    public double[] combine(double[][] answers) {
        check(answers);
        double[] z = bias.clone();
        for (int i = 0; i < experts; i++) {
            for (int c = 0; c < labels; c++) {
                z[c] += weights[i] * feature(answers[i][c]);
            }
        }
        return softmax(z);
    }

    /** Learns from the answers given for a message and its revealed label. */
    public void learn(double[][] answers, int label) {
        double[] q = combine(answers);
        double[] g = new double[labels];
        for (int c = 0; c < labels; c++) {
            g[c] = q[c] - (c == label ? 1 : 0);
        }
        for (int i = 0; i < experts; i++) {
            double gw = 0;
            for (int c = 0; c < labels; c++) {
                gw += g[c] * feature(answers[i][c]);
            }
            weightSquares[i] += gw * gw;
            weights[i] -= learningRate * gw / Math.sqrt(weightSquares[i] + 1e-12);
        }
        for (int c = 0; c < labels; c++) {
            biasSquares[c] += g[c] * g[c];
            bias[c] -= learningRate * g[c] / Math.sqrt(biasSquares[c] + 1e-12);
        }
    }

    /** The current weight of each worker's log-probabilities (a copy). */
    public double[] weights() {
        return weights.clone();
    }

    private static double feature(double p) {
        return Math.log(Math.max(FLOOR, p));
    }

    private void check(double[][] answers) {
        if (answers.length != experts) {
            throw new IllegalArgumentException("expected " + experts + " answers, got " + answers.length);
        }
        for (double[] a : answers) {
            if (a.length != labels) {
                throw new IllegalArgumentException("expected " + labels + " probabilities, got " + a.length);
            }
        }
    }

    static double[] softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] p = new double[z.length];
        for (int c = 0; c < z.length; c++) {
            p[c] = Math.exp(z[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < z.length; c++) {
            p[c] /= sum;
        }
        return p;
    }
}
