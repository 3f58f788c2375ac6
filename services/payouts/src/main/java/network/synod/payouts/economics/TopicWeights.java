package network.synod.payouts.economics;

import java.util.ArrayList;
import java.util.List;

/**
 * Allora's topic weight (allora.md §4.2): target {@code ŵ = stake^μ · fees^ν} (zero without fees or stake), then an
 * EMA with the previous weight: {@code w = α·ŵ + (1 − α)·w_prev}. A topic seen for the first time starts at ŵ.
 */
public final class TopicWeights {

    private TopicWeights() {}

    public record Params(double stakeImportance, double feeImportance, double alpha) {
        /** Allora's defaults: μ = ν = 0.5, TopicRewardAlpha = 0.5. */
        public static Params allora() {
            return new Params(0.5, 0.5, 0.5);
        }
    }

    public record Input(String topic, long stake, long feeRevenue, Double previousWeight) {}

    public record Weight(String topic, double target, double weight) {}

    public static List<Weight> compute(List<Input> topics, Params params) {
        List<Weight> out = new ArrayList<>(topics.size());
        for (Input t : topics) {
            double target = t.stake() <= 0 || t.feeRevenue() <= 0
                    ? 0.0
                    : StrictMath.pow(t.stake(), params.stakeImportance())
                            * StrictMath.pow(t.feeRevenue(), params.feeImportance());
            double weight = t.previousWeight() == null
                    ? target
                    : params.alpha() * target + (1 - params.alpha()) * t.previousWeight();
            out.add(new Weight(t.topic(), target, weight));
        }
        return out;
    }
}
