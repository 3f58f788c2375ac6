package network.synod.core.yuma;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Replays a case's ops on a subnet's state and collects what its epochs produce. The same code serves the tests
 * and {@code synod yuma}. The state passed in is copied, never changed.
 */
public final class YumaReplay {

    private YumaParams params;
    private final SubnetState state;

    public YumaReplay(YumaParams params, SubnetState initial) {
        if (initial.n() != params.n()) {
            throw new IllegalArgumentException(
                    "the state has " + initial.n() + " uids, the parameters say n = " + params.n());
        }
        this.params = params;
        this.state = initial.copy();
    }

    /** Every epoch's result, in order, of replaying {@code ops} from {@code initial}. */
    public static List<EpochResult> run(YumaParams params, SubnetState initial, List<Op> ops) {
        YumaReplay replay = new YumaReplay(params, initial);
        List<EpochResult> results = new ArrayList<>();
        for (Op op : ops) {
            replay.apply(op, EpochTrace.NONE).ifPresent(results::add);
        }
        return results;
    }

    /** The parameters now (after any {@code set_param}). */
    public YumaParams params() {
        return params;
    }

    /** The state now (read-only view: its mutators are package-private). */
    public SubnetState state() {
        return state;
    }

    /** Applies one op; an epoch's result comes back, every other op gives empty. */
    public Optional<EpochResult> apply(Op op, EpochTrace trace) {
        if (op instanceof Op.SetWeights w) {
            setWeights(w);
        } else if (op instanceof Op.SetWeightsStorage w) {
            requireUid(w.uid());
            for (Stored s : w.row()) {
                requireUid(s.uid());
            }
            state.writeWeights(w.uid(), w.row());
        } else if (op instanceof Op.ReplaceNeuron r) {
            requireUid(r.uid());
            if (r.stake() < 0) {
                throw new IllegalArgumentException("replace_neuron: stake is a u64 below 2^63, got " + r.stake());
            }
            state.replaceNeuron(r.uid(), r.block(), r.stake());
        } else if (op instanceof Op.ResetBondsTo r) {
            requireUid(r.uid());
            state.resetBondsTo(r.uid());
        } else if (op instanceof Op.SetParam sp) {
            params = params.with(sp.name(), sp.value());
        } else if (op instanceof Op.Epoch e) {
            EpochResult result = Yuma.epoch(params, state, e.block(), e.raoEmission(), trace);
            if (e.persist()) {
                state.setValidatorPermit(result.validatorPermit());
                for (int i = 0; i < state.n(); i++) {
                    state.writeBonds(i, result.bonds().get(i));
                }
            }
            return Optional.of(result);
        }
        return Optional.empty();
    }

    private void setWeights(Op.SetWeights w) {
        requireUid(w.uid());
        if (w.dests().size() != w.values().size()) {
            throw new IllegalArgumentException("set_weights: " + w.dests().size() + " dests but "
                    + w.values().size() + " values");
        }
        Set<Integer> seen = new HashSet<>();
        int[] values = new int[w.values().size()];
        for (int k = 0; k < values.length; k++) {
            int dest = w.dests().get(k);
            requireUid(dest);
            if (!seen.add(dest)) {
                throw new IllegalArgumentException("set_weights: uid " + dest + " appears twice in dests");
            }
            values[k] = w.values().get(k);
            if (values[k] < 0 || values[k] > 65535) {
                throw new IllegalArgumentException("set_weights: a value is a u16, got " + values[k]);
            }
        }
        int[] upscaled = Vectors.maxUpscaleToU16(values);
        List<Stored> row = new ArrayList<>(values.length);
        for (int k = 0; k < values.length; k++) {
            row.add(new Stored(w.dests().get(k), upscaled[k]));
        }
        state.setWeights(w.uid(), row, w.block());
    }

    private void requireUid(int uid) {
        if (uid < 0 || uid >= state.n()) {
            throw new IllegalArgumentException("uid " + uid + " is not in 0.." + (state.n() - 1));
        }
    }
}
