package network.synod.worker;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The worker's settings: environment variables {@code SYNOD_MODEL_*} or system properties
 * {@code synod.model.*} (see docs/contracts.md and the module README).
 */
@ConfigMapping(prefix = "synod.model")
public interface ModelSettings {

    /** The OIP model name served. */
    @WithDefault("model")
    String name();

    /**
     * last, ma, ema, trend, snaive, mlp, djl or loss-forecaster; or a text classifier: minilm-logreg,
     * minilm-q-knn, e5-small-q-logreg, bm25-knn or naive-bayes.
     */
    @WithDefault("last")
    String kind();

    /** For djl: the file:, jar: or https: URL of the saved model. */
    Optional<String> url();

    /** The sha256 the model artifact must have; a different one refuses to load. */
    Optional<String> digest();

    /** auto, cpu, gpu or gpu:N (application.properties maps SYNOD_DEVICE here). */
    @WithDefault("auto")
    String device();

    /** The longest window accepted; longer ones are refused with 400. */
    @WithDefault("50000")
    int maxWindow();

    /** A text classifier's labels, in the order of its probabilities (the subnet's label set). */
    @WithDefault("ham,spam")
    String labels();

    /** OnnxRuntime intra-op threads of an embedding classifier. */
    @WithDefault("1")
    int threads();

    /** How the mlp kind learns. */
    Mlp mlp();

    /** Settings of the learning neural forecaster. */
    interface Mlp {

        /** Retrain after this many newly revealed values. */
        @WithDefault("250")
        int retrainEvery();

        /** Train first once this many examples are revealed. */
        @WithDefault("100")
        int minSamples();

        /** The seed of the initial weights and of the training order. */
        @WithDefault("42")
        long seed();
    }
}
