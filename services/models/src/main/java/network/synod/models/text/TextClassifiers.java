package network.synod.models.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import ai.djl.MalformedModelException;

import network.synod.core.classification.LabelSet;
import network.synod.core.classification.TextClassifier;
import network.synod.models.saved.Sha256;

/**
 * The text classifiers a worker can be, by kind: three sentence-embedding models (from Maven Central jars, on
 * DJL's OnnxRuntime engine) each with an online head, a Lucene BM25 nearest-neighbour classifier and a naive
 * Bayes over tokens. Their settings are fixed here, so a kind names one definition.
 */
public final class TextClassifiers {

    /** Every kind, in the order the replay lists them. */
    public static final List<String> KINDS =
            List.of("minilm-logreg", "minilm-q-knn", "e5-small-q-logreg", "bm25-knn", "naive-bayes");

    /** Tokens a sentence embedder reads of a text (all-MiniLM-L6-v2 was trained on 256). */
    static final int MAX_TOKENS = 256;

    static final long SEED = 42;

    private TextClassifiers() {}

    /** Whether {@code kind} is a text classifier kind. */
    public static boolean isKind(String kind) {
        return KINDS.contains(kind);
    }

    /** Whether the kind runs an ONNX model (seconds to load) rather than plain arithmetic. */
    public static boolean usesEngine(String kind) {
        return kind.startsWith("minilm") || kind.startsWith("e5");
    }

    /** A fresh classifier of {@code kind}, named {@code kind}, over {@code labels}; {@code threads} ORT threads. */
    public static TextClassifier create(String kind, LabelSet labels, int threads)
            throws IOException, MalformedModelException {
        SentenceEmbedder.Kind embedder = embedderOf(kind);
        if (embedder != null) {
            return withEmbedder(kind, labels, SentenceEmbedder.open(embedder, MAX_TOKENS, threads));
        }
        return switch (kind) {
            case "bm25-knn" -> new Bm25Knn(kind, labels, 10, 1.0);
            case "naive-bayes" -> new NaiveBayes(kind, labels);
            default ->
                throw new IllegalArgumentException(
                        "unknown text classifier kind '" + kind + "': use " + String.join(", ", KINDS));
        };
    }

    /** The embedding kind {@code kind} with its head over {@code embedder} (tests pass one that remembers). */
    static TextClassifier withEmbedder(String kind, LabelSet labels, TextEmbedder embedder) {
        EmbeddingHead head = kind.endsWith("-knn") ? knn(labels) : logistic(labels);
        return new EmbeddingClassifier(kind, labels, embedder, head);
    }

    /** The sentence embedder an embedding kind runs, or null for the token kinds. */
    static SentenceEmbedder.Kind embedderOf(String kind) {
        return switch (kind) {
            case "minilm-logreg" -> SentenceEmbedder.Kind.MINILM;
            case "minilm-q-knn" -> SentenceEmbedder.Kind.MINILM_Q;
            case "e5-small-q-logreg" -> SentenceEmbedder.Kind.E5_SMALL_Q;
            default -> null;
        };
    }

    /**
     * The sha256 naming what a worker of {@code kind} answers with: the kind, its labels, and for an embedding
     * kind the sha256 of the ONNX file it runs. The head's parameters change with every revealed label, so the
     * definition is what a receipt can declare; re-executing an answer means replaying the same reveals.
     */
    public static String definitionDigest(String kind, LabelSet labels) throws IOException {
        String onnx = "";
        SentenceEmbedder.Kind embedder = embedderOf(kind);
        if (embedder != null) {
            onnx = "/onnx=" + SentenceEmbedder.resourceSha256(embedder);
        }
        return new Sha256()
                .update(("synod-text/" + kind + "/labels=" + labels + onnx).getBytes(StandardCharsets.UTF_8))
                .hex();
    }

    static EmbeddingHead logistic(LabelSet labels) {
        return new LogisticHead(labels.size(), 384, 0.1, 1e-4, 3, SEED);
    }

    static EmbeddingHead knn(LabelSet labels) {
        return new KnnHead(labels.size(), 10, 0.05, 1.0);
    }
}
