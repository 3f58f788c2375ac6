package network.synod.worker.model;

import java.util.List;

/** The one model a worker serves, as the OIP endpoints see it. */
public interface ServedModel extends AutoCloseable {

    /** The kind it was configured as. */
    String kind();

    /** OIP platform string, {@code <project>_<format>}. */
    String platform();

    /** The sha256 identifying what answers: the artifact, the current parameters or the definition. */
    String sha256();

    /** Where it runs, as {@code cpu} or {@code gpu:N}. */
    String device();

    /**
     * The inputs it takes, with their datatypes: a request must hold the first, may hold the others, and each it
     * holds must have the declared datatype (checked by the parser before the model sees it).
     */
    List<TensorSpec> inputs();

    List<TensorSpec> outputs();

    /** The answer to one request; throws {@link IllegalArgumentException} for input it cannot answer. */
    Tensor infer(ModelInput input);

    /**
     * Whether {@link #infer} is plain arithmetic that takes microseconds and never blocks, so the server may call
     * it on its event loop; engine-backed models answer on a worker thread.
     */
    default boolean answersInline() {
        return false;
    }

    @Override
    default void close() {}
}
