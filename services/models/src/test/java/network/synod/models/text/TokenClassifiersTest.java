package network.synod.models.text;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import network.synod.core.classification.LabelledText;
import network.synod.core.classification.TextClassifier;

/** Naive Bayes and the BM25 nearest neighbours on the start of the corpus (plain Java and Lucene, ~2 s). */
class TokenClassifiersTest {

    private static List<LabelledText> messages;

    @BeforeAll
    static void read() throws IOException {
        messages = Corpus.first(ClassifierContract.MESSAGES);
    }

    private static final Supplier<TextClassifier> NAIVE_BAYES =
            () -> new NaiveBayes("naive-bayes", ClassifierContract.LABELS);
    private static final Supplier<TextClassifier> BM25 =
            () -> new Bm25Knn("bm25-knn", ClassifierContract.LABELS, 10, 1.0);

    @Test
    void naiveBayesLearns() {
        ClassifierContract.learnsFromRevealedLabels(NAIVE_BAYES, messages);
    }

    @Test
    void naiveBayesAnswersOnlyFromThePast() {
        ClassifierContract.futureLabelsChangeNoAnswer(NAIVE_BAYES, messages);
    }

    @Test
    void bm25Learns() {
        ClassifierContract.learnsFromRevealedLabels(BM25, messages);
    }

    @Test
    void bm25AnswersOnlyFromThePast() {
        ClassifierContract.futureLabelsChangeNoAnswer(BM25, messages);
    }
}
