package network.synod.models.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;

import network.synod.core.classification.LabelSet;
import network.synod.core.classification.LabelledText;
import network.synod.core.classification.TextClassifier;

/**
 * What every text classifier must show on the start of the real corpus: it learns (its log-loss from message
 * {@link #SCORED_FROM} on is below the majority-class baseline's), and it learns only from the past (flipping
 * the labels from message {@link #FLIP_FROM} on changes none of the answers given up to that message, and does
 * change later ones).
 */
final class ClassifierContract {

    /** The corpus holds 6 spam in its first 200 messages and 67 in the next 200: learning shows there. */
    static final int MESSAGES = 320;

    static final int SCORED_FROM = 150;
    static final int FLIP_FROM = 200;
    static final LabelSet LABELS = LabelSet.SPAM_HAM;

    private ClassifierContract() {}

    static void learnsFromRevealedLabels(Supplier<TextClassifier> fresh, List<LabelledText> messages) {
        List<double[]> answers;
        try (TextClassifier c = fresh.get()) {
            answers = OnlineRun.answers(c, messages);
        }
        for (double[] p : answers) {
            assertEquals(1.0, p[0] + p[1], 1e-9, "probabilities sum to 1");
        }
        double model = OnlineRun.meanLogLoss(answers, messages, LABELS, SCORED_FROM);
        double majority = OnlineRun.majorityLogLoss(messages, LABELS, SCORED_FROM);
        assertTrue(model < majority, "log-loss " + model + " must beat the majority class's " + majority);
    }

    static void futureLabelsChangeNoAnswer(Supplier<TextClassifier> fresh, List<LabelledText> messages) {
        List<double[]> original;
        List<double[]> flipped;
        try (TextClassifier c = fresh.get()) {
            original = OnlineRun.answers(c, messages);
        }
        try (TextClassifier c = fresh.get()) {
            flipped = OnlineRun.answers(c, OnlineRun.flippedFrom(messages, LABELS, FLIP_FROM));
        }
        // The answer about message FLIP_FROM is given before its (flipped) label is revealed.
        for (int i = 0; i <= FLIP_FROM; i++) {
            assertArrayEquals(original.get(i), flipped.get(i), 0.0, "answer " + i + " changed");
        }
        boolean laterDiffer = false;
        for (int i = FLIP_FROM + 1; i < messages.size(); i++) {
            laterDiffer |= original.get(i)[1] != flipped.get(i)[1];
        }
        assertFalse(!laterDiffer, "the flipped labels must change some later answer, or the test shows nothing");
    }
}
