package network.synod.core.subnet;

import java.util.List;

import network.synod.core.yuma.Stored;
import network.synod.core.yuma.SubnetState;

/**
 * How a simulated validator chooses the weights it submits each epoch: a vector over the miners (any scale,
 * negative entries read as 0), or {@code null} to submit nothing.
 */
sealed interface ValidatorStrategy {

    /** What a validator knows when it submits: its own measurement, and the chain as it can read it now. */
    record View(int epoch, int validator, double[] observed, SubnetState chain, int validators, int miners) {}

    double[] weights(View view);

    /** Submits what it measured. */
    record Honest() implements ValidatorStrategy {
        @Override
        public double[] weights(View view) {
            return view.observed();
        }
    }

    /**
     * Measures nothing and submits the stake-weighted mean of the other validators' weights as the chain shows
     * them now (each row normalised to sum 1): the current weights without commit-reveal, the last revealed ones
     * with it. This is the best copy the chain allows: the mean is what the consensus is built from.
     */
    record CopyChain() implements ValidatorStrategy {
        @Override
        public double[] weights(View view) {
            double[] mean = new double[view.miners()];
            boolean any = false;
            for (int u = 0; u < view.validators(); u++) {
                List<Stored> row = view.chain().weights(u);
                if (u == view.validator() || row.isEmpty()) {
                    continue;
                }
                double sum = 0;
                for (Stored s : row) {
                    sum += s.value();
                }
                if (sum == 0) {
                    continue;
                }
                double stake = view.chain().stake(u);
                for (Stored s : row) {
                    int j = s.uid() - view.validators();
                    if (j >= 0 && j < mean.length) {
                        mean[j] += stake * s.value() / sum;
                        any = true;
                    }
                }
            }
            return any ? mean : null;
        }
    }

    /**
     * A cabal member. With {@code keepOthers} false it puts all of its weight on miner {@code target} (an index
     * among the miners); with it true it submits its honest measurement but scores the target as the best miner
     * it saw (the row's maximum).
     */
    record Collude(int target, boolean keepOthers) implements ValidatorStrategy {
        @Override
        public double[] weights(View view) {
            double[] w = keepOthers ? view.observed() : new double[view.miners()];
            double max = 0;
            for (double v : w) {
                max = Math.max(max, v);
            }
            w[target] = keepOthers ? Math.max(max, 1e-9) : 1;
            return w;
        }
    }
}
