package network.synod.core.yuma;

import java.util.List;

/** One step of a replayed case (shared/reference/yuma/README.md, "Replaying the cases"). */
public sealed interface Op {

    /**
     * {@code set_weights}: the row becomes {@code zip(dests, vec_u16_max_upscale_to_u16(values))}, zeros kept, and
     * {@code LastUpdate[uid] = block}.
     */
    record SetWeights(long block, int uid, List<Integer> dests, List<Integer> values) implements Op {
        public SetWeights {
            dests = List.copyOf(dests);
            values = List.copyOf(values);
        }
    }

    /** {@code set_weights_storage}: the weights row written directly, {@code LastUpdate} unchanged. */
    record SetWeightsStorage(int uid, List<Stored> row) implements Op {
        public SetWeightsStorage {
            row = List.copyOf(row);
        }
    }

    /** {@code replace_neuron}: a new hotkey with {@code stake} registered over {@code uid} at {@code block}. */
    record ReplaceNeuron(long block, int uid, long stake) implements Op {}

    /** {@code reset_bonds_to}: every bond toward {@code uid} removed ({@code do_reset_bonds}). */
    record ResetBondsTo(int uid) implements Op {}

    /** {@code set_param}: one hyper-parameter changed, by its case-file name (see {@link YumaParams#with}). */
    record SetParam(String name, Object value) implements Op {}

    /**
     * {@code epoch}: one epoch at {@code block}; with {@code persist}, the new permits and every bonds row are
     * written back, as the legacy {@code Pallet::epoch()} does.
     */
    record Epoch(long block, long raoEmission, boolean persist) implements Op {
        /** The emission every case uses unless it says otherwise: 1e9 rao. */
        public static final long DEFAULT_RAO_EMISSION = 1_000_000_000L;
    }
}
