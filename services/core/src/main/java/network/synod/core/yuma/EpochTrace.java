package network.synod.core.yuma;

/**
 * Receives the epoch's intermediate values under the labels of subtensor's trace log ({@code "Weights (permit)"},
 * {@code "Consensus"}, …), so that tests can compare them with the log lines the cases quote. A value is a
 * {@code long[]} of I32F32 bits, a {@code boolean[]}, a {@code List<List<Entry>>} or a {@code Long}.
 */
@FunctionalInterface
public interface EpochTrace {

    /** Records nothing: the epoch's normal use. */
    EpochTrace NONE = (label, value) -> {};

    void record(String label, Object value);
}
