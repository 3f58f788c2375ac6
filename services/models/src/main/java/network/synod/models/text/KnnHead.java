package network.synod.models.text;

import java.util.ArrayList;
import java.util.List;

/**
 * k nearest neighbours by cosine similarity over unit embeddings: the {@code k} most similar revealed examples
 * vote with weight exp((cos − 1) / temperature), smoothed towards the revealed label frequencies with the weight
 * of {@code prior} votes of full similarity.
 */
final class KnnHead implements EmbeddingHead {

    private final int labels;
    private final int k;
    private final double temperature;
    private final double prior;
    private final List<float[]> seenX = new ArrayList<>();
    private final List<Integer> seenY = new ArrayList<>();
    private final int[] revealed;

    KnnHead(int labels, int k, double temperature, double prior) {
        this.labels = labels;
        this.k = k;
        this.temperature = temperature;
        this.prior = prior;
        this.revealed = new int[labels];
    }

    @Override
    public double[] probabilities(float[] x) {
        int n = seenX.size();
        int[] best = new int[Math.min(k, n)];
        double[] bestSim = new double[best.length];
        int filled = 0;
        for (int i = 0; i < n; i++) {
            double s = dot(x, seenX.get(i));
            // Keep the k largest, ordered; ties keep the earlier example.
            int at = filled;
            while (at > 0 && bestSim[at - 1] < s) {
                at--;
            }
            if (at >= best.length) {
                continue;
            }
            int last = Math.min(filled, best.length - 1);
            System.arraycopy(best, at, best, at + 1, last - at);
            System.arraycopy(bestSim, at, bestSim, at + 1, last - at);
            best[at] = i;
            bestSim[at] = s;
            filled = Math.min(filled + 1, best.length);
        }
        double[] votes = new double[labels];
        double total = 0;
        for (int j = 0; j < filled; j++) {
            double w = Math.exp((bestSim[j] - 1) / temperature);
            votes[seenY.get(best[j])] += w;
            total += w;
        }
        double[] p = new double[labels];
        for (int c = 0; c < labels; c++) {
            double frequency = (revealed[c] + 1.0) / (n + labels);
            p[c] = (prior * frequency + votes[c]) / (prior + total);
        }
        return p;
    }

    @Override
    public void learn(float[] x, int label) {
        seenX.add(x.clone());
        seenY.add(label);
        revealed[label]++;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
