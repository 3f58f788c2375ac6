package network.synod.core.subnet;

import java.util.ArrayList;
import java.util.List;

import network.synod.core.yuma.EpochResult;
import network.synod.core.yuma.EpochTrace;
import network.synod.core.yuma.Op;
import network.synod.core.yuma.Stored;
import network.synod.core.yuma.SubnetState;
import network.synod.core.yuma.YumaParams;
import network.synod.core.yuma.YumaReplay;

/**
 * A subnet of validators (uids 0..v−1, staked, with permits) and miners (uids v..v+m−1, no stake) driven through
 * Yuma epochs by {@link YumaReplay}: the same {@code set_weights} and persisted epochs as the chain, with the
 * validators' weights coming from their {@link ValidatorStrategy} and the miners' quality from a {@link World}.
 *
 * <p>Epoch e runs at block {@code (e+1)·tempo}. Before it, every validator submits weights in uid order, except
 * that the copiers ({@link ValidatorStrategy.CopyChain}) go last, so that they see everything the others submitted
 * that the chain shows. Without commit-reveal a submission is {@code set_weights} at once, and epoch e uses the
 * weights submitted for e. With commit-reveal (one epoch of reveal delay, subtensor's default
 * {@code RevealPeriodEpochs}) a submission is a hidden commit, revealed as {@code set_weights} at the start of the
 * next epoch's window: epoch e uses the weights submitted at e−1, and during e the chain shows only those.
 */
final class SubnetSimulation {

    /** The rao one epoch distributes, 1 TAO (the cases' default). */
    static final long EMISSION = Op.Epoch.DEFAULT_RAO_EMISSION;

    /**
     * @param params the Yuma hyper-parameters ({@code n} = validators + miners)
     * @param validatorStake each validator's stake in rao; its length is the number of validators
     * @param miners the number of miners
     * @param commitReveal whether submissions are revealed one epoch later
     * @param strategies one per validator
     */
    record Setup(
            YumaParams params,
            long[] validatorStake,
            int miners,
            boolean commitReveal,
            List<ValidatorStrategy> strategies) {

        Setup {
            validatorStake = validatorStake.clone();
            strategies = List.copyOf(strategies);
            if (strategies.size() != validatorStake.length) {
                throw new IllegalArgumentException("one strategy per validator");
            }
            if (params.n() != validatorStake.length + miners) {
                throw new IllegalArgumentException("n must be validators + miners");
            }
        }

        int validators() {
            return validatorStake.length;
        }

        /** Classic Yuma with subtensor's defaults for {@code validators + miners} uids, tempo 360. */
        static YumaParams defaults(int validators, int miners) {
            return YumaParams.defaults(validators + miners, 360);
        }
    }

    private final Setup setup;
    private final World world;
    private final YumaReplay replay;
    private final List<Op.SetWeights> pending = new ArrayList<>();
    private int epoch;

    SubnetSimulation(Setup setup, World world) {
        this.setup = setup;
        this.world = world;
        int v = setup.validators();
        int n = v + setup.miners();
        long[] stake = new long[n];
        boolean[] permit = new boolean[n];
        for (int i = 0; i < v; i++) {
            stake[i] = setup.validatorStake()[i];
            permit[i] = true;
        }
        SubnetState initial = new SubnetState(n, stake, new long[n], new long[n], permit, List.of(), List.of());
        this.replay = new YumaReplay(setup.params(), initial);
    }

    /** The next {@code epochs} epochs' results, in order. */
    List<EpochResult> run(int epochs) {
        List<EpochResult> results = new ArrayList<>(epochs);
        for (int k = 0; k < epochs; k++) {
            results.add(step());
        }
        return results;
    }

    /** One epoch: reveals, submissions, the epoch itself. */
    EpochResult step() {
        long tempo = setup.params().tempo();
        long block = (epoch + 1) * tempo;
        world.advance(epoch);
        // Commits of the previous epoch are revealed at the start of this epoch's window.
        for (Op.SetWeights w : pending) {
            replay.apply(new Op.SetWeights(block - tempo + 1, w.uid(), w.dests(), w.values()), EpochTrace.NONE);
        }
        pending.clear();
        int v = setup.validators();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < v; i++) {
            if (!(setup.strategies().get(i) instanceof ValidatorStrategy.CopyChain)) {
                order.add(i);
            }
        }
        for (int i = 0; i < v; i++) {
            if (setup.strategies().get(i) instanceof ValidatorStrategy.CopyChain) {
                order.add(i);
            }
        }
        for (int i : order) {
            ValidatorStrategy.View view =
                    new ValidatorStrategy.View(epoch, i, world.observe(i), replay.state(), v, setup.miners());
            Op.SetWeights w =
                    toSetWeights(block - 1, i, setup.strategies().get(i).weights(view));
            if (w == null) {
                continue;
            }
            if (setup.commitReveal()) {
                pending.add(w);
            } else {
                replay.apply(w, EpochTrace.NONE);
            }
        }
        epoch++;
        return replay.apply(new Op.Epoch(block, EMISSION, true), EpochTrace.NONE)
                .orElseThrow();
    }

    /**
     * The extrinsic the SDK would send: weights max-upscaled to u16 ({@code w/max·65535}, rounded) and the zero
     * entries dropped; {@code null} when nothing is left.
     */
    private Op.SetWeights toSetWeights(long block, int uid, double[] weights) {
        if (weights == null) {
            return null;
        }
        double max = 0;
        for (double w : weights) {
            max = Math.max(max, w);
        }
        if (!(max > 0)) {
            return null;
        }
        List<Integer> dests = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        for (int j = 0; j < weights.length; j++) {
            int u16 = (int) Math.round(Math.max(0, weights[j]) / max * 65535);
            if (u16 > 0) {
                dests.add(setup.validators() + j);
                values.add(u16);
            }
        }
        return new Op.SetWeights(block, uid, dests, values);
    }

    /** The chain's state now (weights as revealed, bonds and permits as the last epoch stored them). */
    SubnetState chain() {
        return replay.state();
    }

    /** The stored row of {@code uid}, normalised to sum 1, as a dense vector over the miners. */
    double[] normalisedWeights(int uid) {
        double[] row = new double[setup.miners()];
        List<Stored> stored = replay.state().weights(uid);
        double sum = 0;
        for (Stored s : stored) {
            sum += s.value();
        }
        for (Stored s : stored) {
            int j = s.uid() - setup.validators();
            if (sum > 0 && j >= 0 && j < row.length) {
                row[j] += s.value() / sum;
            }
        }
        return row;
    }
}
