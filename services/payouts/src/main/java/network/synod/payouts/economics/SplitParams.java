package network.synod.payouts.economics;

import java.util.List;

/**
 * The knobs of a topic settlement. {@code mode} ENTROPY is Allora's split between inferers, forecasters and
 * reputers; FIXED uses the three basis-point fractions instead. Validators and the topic owner first take their
 * basis points off the topic's pot.
 */
public record SplitParams(
        SplitMode mode,
        int inferersBps,
        int forecastersBps,
        int reputersBps,
        double pInference,
        double pForecast,
        double cReward,
        double pReputer,
        double taskRewardAlpha,
        double betaEntropy,
        double forecastTauAlpha,
        int validatorsBps,
        int topicOwnerBps,
        List<String> validators,
        long minStake) {

    public enum SplitMode {
        ENTROPY,
        FIXED
    }

    public SplitParams {
        validators = List.copyOf(validators);
        if (inferersBps < 0
                || forecastersBps < 0
                || reputersBps < 0
                || inferersBps + forecastersBps + reputersBps > 10_000) {
            throw new IllegalArgumentException("fixed fractions must be non-negative and sum to at most 10000 bps");
        }
        if (validatorsBps < 0 || topicOwnerBps < 0 || validatorsBps + topicOwnerBps > 10_000) {
            throw new IllegalArgumentException("validator and topic-owner shares must sum to at most 10000 bps");
        }
    }

    /** Allora's late defaults (p = 3/3/1, c = 0.75, α_task = 0.1, β = 0.25), no validator or owner share. */
    public static SplitParams allora() {
        return new SplitParams(
                SplitMode.ENTROPY, 5_000, 2_000, 3_000, 3, 3, 0.75, 1, 0.1, 0.25, 0.1, 0, 0, List.of(), 0);
    }

    public SplitParams withMode(SplitMode newMode) {
        return new SplitParams(
                newMode,
                inferersBps,
                forecastersBps,
                reputersBps,
                pInference,
                pForecast,
                cReward,
                pReputer,
                taskRewardAlpha,
                betaEntropy,
                forecastTauAlpha,
                validatorsBps,
                topicOwnerBps,
                validators,
                minStake);
    }

    public SplitParams withShares(int validatorsShare, int ownerShare, List<String> validatorIds) {
        return new SplitParams(
                mode,
                inferersBps,
                forecastersBps,
                reputersBps,
                pInference,
                pForecast,
                cReward,
                pReputer,
                taskRewardAlpha,
                betaEntropy,
                forecastTauAlpha,
                validatorsShare,
                ownerShare,
                validatorIds,
                minStake);
    }

    public SplitParams withMinStake(long newMinStake) {
        return new SplitParams(
                mode,
                inferersBps,
                forecastersBps,
                reputersBps,
                pInference,
                pForecast,
                cReward,
                pReputer,
                taskRewardAlpha,
                betaEntropy,
                forecastTauAlpha,
                validatorsBps,
                topicOwnerBps,
                validators,
                newMinStake);
    }

    public SplitParams withFixed(int inferers, int forecasters, int reputers) {
        return new SplitParams(
                mode,
                inferers,
                forecasters,
                reputers,
                pInference,
                pForecast,
                cReward,
                pReputer,
                taskRewardAlpha,
                betaEntropy,
                forecastTauAlpha,
                validatorsBps,
                topicOwnerBps,
                validators,
                minStake);
    }
}
