package network.synod.core.classification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Streams labelled messages through in-process workers and the network in order: each message is asked of every
 * worker and of the network, then its label is revealed to all of them. From message {@code firstScored}
 * (1-based) on, every answer is scored, so all predictors are compared over the same messages.
 */
public final class ClassificationReplay {

    /** Messages before this one (1-based) are asked and revealed but not scored: everyone is still learning. */
    public static final int FIRST_SCORED = 200;

    private ClassificationReplay() {}

    /** The scores of one replay; {@code workers} in the order given. */
    public record Result(
            int messages, int scored, Map<String, ClassificationScore> workers, ClassificationScore network) {

        /** The worker with the lowest mean log-loss (the first of equals). */
        public String bestWorker() {
            String best = null;
            for (Map.Entry<String, ClassificationScore> e : workers.entrySet()) {
                if (best == null || e.getValue().logLoss() < workers.get(best).logLoss()) {
                    best = e.getKey();
                }
            }
            return best;
        }
    }

    /**
     * Replays {@code messages} through {@code workers} and a {@link LogOddsStacker} over them; {@code progress}
     * hears how many messages are done.
     */
    public static Result run(
            List<LabelledText> messages,
            List<TextClassifier> workers,
            LabelSet labels,
            int firstScored,
            LongConsumer progress) {
        if (workers.isEmpty()) {
            throw new IllegalArgumentException("a replay needs at least one worker");
        }
        Map<String, ClassificationScore> scores = new LinkedHashMap<>();
        for (TextClassifier w : workers) {
            if (!w.labels().equals(labels)) {
                throw new IllegalArgumentException(
                        "worker " + w.name() + " has labels " + w.labels() + ", the subnet " + labels);
            }
            if (scores.put(w.name(), new ClassificationScore()) != null) {
                throw new IllegalArgumentException("worker " + w.name() + " appears twice");
            }
        }
        ClassificationScore network = new ClassificationScore();
        LogOddsStacker stacker = LogOddsStacker.withDefaults(labels.size(), workers.size());
        List<ClassificationScore> byWorker = new ArrayList<>(scores.values());
        int n = 0;
        for (LabelledText m : messages) {
            int label = labels.index(m.label());
            double[][] answers = new double[workers.size()][];
            for (int i = 0; i < workers.size(); i++) {
                answers[i] = workers.get(i).probabilities(m.text());
            }
            double[] combined = stacker.combine(answers);
            n++;
            if (n >= firstScored) {
                for (int i = 0; i < answers.length; i++) {
                    byWorker.get(i).add(answers[i], label);
                }
                network.add(combined, label);
            }
            // The label is revealed only now, after every answer about this message is in.
            for (TextClassifier w : workers) {
                w.learn(m.text(), m.label());
            }
            stacker.learn(answers, label);
            progress.accept(n);
        }
        return new Result(n, (int) network.scored(), scores, network);
    }
}
