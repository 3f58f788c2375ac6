package network.synod.models.text;

/** What turns an embedding into label probabilities, learning online from revealed (embedding, label) pairs. */
interface EmbeddingHead {

    double[] probabilities(float[] x);

    void learn(float[] x, int label);
}
