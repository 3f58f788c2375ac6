package network.synod.core.classification;

/**
 * A classifier that learns online: it is asked about a text, and only afterwards (if ever) told its label.
 * Implementations learn from {@link #learn} alone, never from the texts they are asked about, so an answer
 * depends only on the labels revealed before it.
 */
public interface TextClassifier extends AutoCloseable {

    /** The worker name it runs under, e.g. {@code naive-bayes}. */
    String name();

    LabelSet labels();

    /** The probability of every label, in {@link #labels()} order; they sum to 1. */
    double[] probabilities(String text);

    /** Reveals a text's label; a label outside {@link #labels()} is an {@link IllegalArgumentException}. */
    void learn(String text, String label);

    @Override
    default void close() {}
}
