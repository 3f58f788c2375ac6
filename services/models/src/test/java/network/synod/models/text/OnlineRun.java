package network.synod.models.text;

import java.util.ArrayList;
import java.util.List;

import network.synod.core.classification.LabelSet;
import network.synod.core.classification.LabelledText;
import network.synod.core.classification.TextClassifier;

/** Test fixture: asks a classifier about each message in order, then reveals its label; scores by hand. */
final class OnlineRun {

    private OnlineRun() {}

    /** Every answer, each given before its own label (and any later one) was revealed. */
    static List<double[]> answers(TextClassifier c, List<LabelledText> messages) {
        List<double[]> out = new ArrayList<>();
        for (LabelledText m : messages) {
            out.add(c.probabilities(m.text()));
            c.learn(m.text(), m.label());
        }
        return out;
    }

    /** Mean −ln p(true label) from message {@code from} (0-based) on, probabilities clipped at 1e-15. */
    static double meanLogLoss(List<double[]> answers, List<LabelledText> messages, LabelSet labels, int from) {
        double sum = 0;
        for (int i = from; i < messages.size(); i++) {
            double p = answers.get(i)[labels.names().indexOf(messages.get(i).label())];
            sum += -Math.log(Math.max(1e-15, p));
        }
        return sum / (messages.size() - from);
    }

    /**
     * The majority-class baseline: the log-loss of answering with the label frequencies revealed so far (Laplace
     * smoothed), the best a predictor can do that ignores the text.
     */
    static double majorityLogLoss(List<LabelledText> messages, LabelSet labels, int from) {
        int[] counts = new int[labels.size()];
        double sum = 0;
        for (int i = 0; i < messages.size(); i++) {
            int y = labels.names().indexOf(messages.get(i).label());
            if (i >= from) {
                sum += -Math.log((counts[y] + 1.0) / (i + labels.size()));
            }
            counts[y]++;
        }
        return sum / (messages.size() - from);
    }

    /** The messages with every label from index {@code from} on swapped for the other of two labels. */
    static List<LabelledText> flippedFrom(List<LabelledText> messages, LabelSet labels, int from) {
        List<LabelledText> out = new ArrayList<>(messages.subList(0, from));
        for (LabelledText m : messages.subList(from, messages.size())) {
            String other = m.label().equals(labels.name(0)) ? labels.name(1) : labels.name(0);
            out.add(new LabelledText(m.t(), m.id(), other, m.text()));
        }
        return out;
    }
}
