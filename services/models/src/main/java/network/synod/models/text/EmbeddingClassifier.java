package network.synod.models.text;

import java.util.LinkedHashMap;
import java.util.Map;

import network.synod.core.classification.LabelSet;
import network.synod.core.classification.TextClassifier;

/**
 * A sentence embedder followed by a head fitted online on revealed labels. The embedder is a fixed function of
 * the text; only the head learns. The embeddings of the last few texts asked about are kept, so revealing a
 * label just asked about does not run the model again.
 */
public final class EmbeddingClassifier implements TextClassifier {

    /** How many characters of a mail's readable text reach the tokenizer (which then truncates to tokens). */
    static final int MAX_CHARS = 4_000;

    private static final int REMEMBERED = 64;

    private final String name;
    private final LabelSet labels;
    private final TextEmbedder embedder;
    private final EmbeddingHead head;
    private final Map<String, float[]> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > REMEMBERED;
        }
    };

    EmbeddingClassifier(String name, LabelSet labels, TextEmbedder embedder, EmbeddingHead head) {
        this.name = name;
        this.labels = labels;
        this.embedder = embedder;
        this.head = head;
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
    public synchronized double[] probabilities(String text) {
        return head.probabilities(embedding(text));
    }

    @Override
    public synchronized void learn(String text, String label) {
        int c = labels.index(label);
        head.learn(embedding(text), c);
    }

    private float[] embedding(String text) {
        float[] e = recent.get(text);
        if (e == null) {
            e = embedder.embed(MailText.readable(text, MAX_CHARS));
            recent.put(text, e);
        }
        return e;
    }

    @Override
    public void close() {
        embedder.close();
    }
}
