package network.synod.models.text;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import network.synod.core.classification.LabelSet;
import network.synod.core.classification.TemperatureCalibration;
import network.synod.core.classification.TextClassifier;

/**
 * Multinomial naive Bayes over a mail's distinct tokens (binarised counts), Laplace-smoothed, learning online.
 * Its log-posteriors go through a {@link TemperatureCalibration} fitted on the same revealed labels, since raw
 * naive Bayes is sure of everything and a log-loss punishes that.
 */
public final class NaiveBayes implements TextClassifier {

    private static final double ALPHA = 1.0;

    private final String name;
    private final LabelSet labels;
    private final Map<String, int[]> counts = new HashMap<>();
    private final long[] tokensPerLabel;
    private final int[] docsPerLabel;
    private final TemperatureCalibration calibration;
    private String lastText;
    private double[] lastScores;

    public NaiveBayes(String name, LabelSet labels) {
        this.name = name;
        this.labels = labels;
        this.tokensPerLabel = new long[labels.size()];
        this.docsPerLabel = new int[labels.size()];
        this.calibration = new TemperatureCalibration(labels.size(), 0.05, 0.05);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public LabelSet labels() {
        return labels;
    }

    @Override
    public double[] probabilities(String text) {
        return calibration.probabilities(scores(text));
    }

    /** The unnormalised log-posterior of every label. */
    double[] scores(String text) {
        if (text.equals(lastText)) {
            return lastScores.clone();
        }
        int k = labels.size();
        int docs = 0;
        for (int d : docsPerLabel) {
            docs += d;
        }
        double vocabulary = counts.size() + 1;
        double[] s = new double[k];
        for (int c = 0; c < k; c++) {
            s[c] = Math.log((docsPerLabel[c] + 1.0) / (docs + k));
        }
        for (String token : MailTokens.distinct(text)) {
            int[] n = counts.get(token);
            for (int c = 0; c < k; c++) {
                s[c] += Math.log(((n == null ? 0 : n[c]) + ALPHA) / (tokensPerLabel[c] + ALPHA * vocabulary));
            }
        }
        lastText = text;
        lastScores = s;
        return s.clone();
    }

    @Override
    public void learn(String text, String label) {
        int c = labels.index(label);
        // Calibrate on the scores this message got before its label was known, then count its tokens.
        calibration.learn(scores(text), c);
        Set<String> tokens = MailTokens.distinct(text);
        for (String token : tokens) {
            counts.computeIfAbsent(token, t -> new int[labels.size()])[c]++;
        }
        tokensPerLabel[c] += tokens.size();
        docsPerLabel[c]++;
        lastText = null;
    }
}
