package network.synod.models.text;

/** A fixed function from text to a unit-length vector: it learns nothing, so it may be computed at any time. */
public interface TextEmbedder extends AutoCloseable {

    float[] embed(String text);

    @Override
    default void close() {}
}
