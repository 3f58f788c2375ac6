package network.synod.models.text;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Multinomial logistic regression over embeddings, fitted online by AdaGrad SGD: each revealed example takes one
 * step, followed by {@code replaySteps} steps on earlier revealed examples drawn with a fixed seed, so the head
 * keeps fitting the whole history it has seen while moving only forward in time. Deterministic for a given seed
 * and order of reveals.
 */
final class LogisticHead implements EmbeddingHead {

    private final int labels;
    private final int dim;
    private final double learningRate;
    private final double l2;
    private final int replaySteps;
    private final double[][] w;
    private final double[][] squares;
    private final SplittableRandom random;
    private final List<float[]> seenX = new ArrayList<>();
    private final List<Integer> seenY = new ArrayList<>();

    LogisticHead(int labels, int dim, double learningRate, double l2, int replaySteps, long seed) {
        this.labels = labels;
        this.dim = dim;
        this.learningRate = learningRate;
        this.l2 = l2;
        this.replaySteps = replaySteps;
        this.w = new double[labels][dim + 1];
        this.squares = new double[labels][dim + 1];
        this.random = new SplittableRandom(seed);
    }

    @Override
    public double[] probabilities(float[] x) {
        double[] z = new double[labels];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < labels; c++) {
            double s = w[c][dim];
            for (int d = 0; d < dim; d++) {
                s += w[c][d] * x[d];
            }
            z[c] = s;
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int c = 0; c < labels; c++) {
            z[c] = Math.exp(z[c] - max);
            sum += z[c];
        }
        for (int c = 0; c < labels; c++) {
            z[c] /= sum;
        }
        return z;
    }

    @Override
    public void learn(float[] x, int label) {
        if (x.length != dim) {
            throw new IllegalArgumentException("expected an embedding of " + dim + " values, got " + x.length);
        }
        step(x, label);
        seenX.add(x.clone());
        seenY.add(label);
        for (int r = 0; r < replaySteps && seenX.size() > 1; r++) {
            int i = random.nextInt(seenX.size());
            step(seenX.get(i), seenY.get(i));
        }
    }

    private void step(float[] x, int label) {
        double[] p = probabilities(x);
        for (int c = 0; c < labels; c++) {
            double g = p[c] - (c == label ? 1 : 0);
            double[] wc = w[c];
            double[] sc = squares[c];
            for (int d = 0; d <= dim; d++) {
                double gd = (d == dim ? g : g * x[d] + l2 * wc[d]);
                sc[d] += gd * gd;
                wc[d] -= learningRate * gd / Math.sqrt(sc[d] + 1e-12);
            }
        }
    }
}
