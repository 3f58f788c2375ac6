package network.synod.models.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import network.synod.core.classification.LabelledText;
import network.synod.core.classification.TextClassifier;

/**
 * The three embedding kinds on the start of the corpus, with the real ONNX models from the langchain4j jars on
 * DJL's OnnxRuntime engine. Each model embeds each text once for all tests (the embedder is a fixed function;
 * only the heads learn), which keeps this class to about half a minute.
 */
class EmbeddingClassifiersTest {

    /**
     * Shorter than the workers' 256 tokens, and on both cores: what these tests show (learning from revealed labels
     * only) does not depend on the length, and a mail's first 128 tokens (its headers) carry most of the signal. The
     * full length is what the benchmark in docs/benchmarks.md measures.
     */
    private static final int TEST_TOKENS = 128;

    private static List<LabelledText> messages;
    private static final Map<SentenceEmbedder.Kind, Remembering> EMBEDDERS = new EnumMap<>(SentenceEmbedder.Kind.class);

    @BeforeAll
    static void read() throws IOException {
        messages = Corpus.first(ClassifierContract.MESSAGES);
    }

    @AfterAll
    static void close() {
        EMBEDDERS.values().forEach(Remembering::closeModel);
    }

    @ParameterizedTest
    @ValueSource(strings = {"minilm-logreg", "minilm-q-knn", "e5-small-q-logreg"})
    void learns(String kind) {
        ClassifierContract.learnsFromRevealedLabels(fresh(kind), messages);
    }

    @ParameterizedTest
    @ValueSource(strings = {"minilm-logreg", "minilm-q-knn", "e5-small-q-logreg"})
    void answersOnlyFromThePast(String kind) {
        ClassifierContract.futureLabelsChangeNoAnswer(fresh(kind), messages);
    }

    @ParameterizedTest
    @ValueSource(strings = {"MINILM", "MINILM_Q", "E5_SMALL_Q"})
    void embeddingsHaveUnitLength(String kind) {
        float[] v = embedder(SentenceEmbedder.Kind.valueOf(kind)).embed("Subject: meeting moved to 3pm");
        assertEquals(384, v.length);
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        assertEquals(1.0, norm, 1e-4);
    }

    private static Supplier<TextClassifier> fresh(String kind) {
        return () -> TextClassifiers.withEmbedder(
                kind, ClassifierContract.LABELS, embedder(TextClassifiers.embedderOf(kind)));
    }

    private static Remembering embedder(SentenceEmbedder.Kind kind) {
        return EMBEDDERS.computeIfAbsent(kind, k -> {
            try {
                return new Remembering(SentenceEmbedder.open(k, TEST_TOKENS, 2));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Remembers every embedding; closing a classifier leaves the shared model open. */
    private static final class Remembering implements TextEmbedder {
        private final SentenceEmbedder model;
        private final Map<String, float[]> seen = new HashMap<>();

        Remembering(SentenceEmbedder model) {
            this.model = model;
        }

        @Override
        public float[] embed(String text) {
            return seen.computeIfAbsent(text, model::embed).clone();
        }

        @Override
        public void close() {}

        void closeModel() {
            model.close();
        }
    }
}
