package network.synod.core.yuma;

import java.util.OptionalInt;

/**
 * A subnet's hyper-parameters as the epoch reads them, in their storage units (u16 proportions, bonds moving
 * average in millionths, activity-cutoff factor in ‰).
 *
 * @param kappa consensus majority, u16 proportion (32767 ≈ 0.5)
 * @param bondsPenalty how far bonds follow clipped rather than raw weights, u16 proportion
 * @param bondsMovingAverage the bonds EMA's memory in millionths (900000: α = 0.1)
 * @param activityCutoffFactorMilli activity cutoff in ‰ of tempo ({@code max(1, factor·tempo/1000)} blocks)
 * @param stakeThreshold stake (u64) below which a uid's stake counts as 0, except the owner's
 * @param yuma3 Yuma3 bonds (raw EMA stored, dividends from bonds per validator)
 * @param liquidAlpha per-entry EMA rates (Yuma3 only)
 * @param alphaLow liquid alpha's lower bound, u16 proportion
 * @param alphaHigh liquid alpha's upper bound, u16 proportion
 * @param alphaSigmoidSteepness liquid alpha's steepness, an i16
 * @param ownerUid the subnet owner's uid: always a permit, self-weight kept, exempt from the stake threshold
 * @param lastMechanismStepBlock {@code LastMechansimStepBlock}: 0 means "last tempo = block − tempo"
 * @param n the number of uids
 * @param tempo blocks per epoch
 */
public record YumaParams(
        int kappa,
        int bondsPenalty,
        long bondsMovingAverage,
        long activityCutoffFactorMilli,
        long stakeThreshold,
        int maxAllowedValidators,
        boolean yuma3,
        boolean liquidAlpha,
        int alphaLow,
        int alphaHigh,
        int alphaSigmoidSteepness,
        OptionalInt ownerUid,
        long lastMechanismStepBlock,
        int n,
        long tempo) {

    public YumaParams {
        requireU16("kappa", kappa);
        requireU16("bonds_penalty", bondsPenalty);
        requireU16("alpha_low", alphaLow);
        requireU16("alpha_high", alphaHigh);
        requireU16("max_allowed_validators", maxAllowedValidators);
        requireU16("n", n);
        if (alphaSigmoidSteepness < Short.MIN_VALUE || alphaSigmoidSteepness > Short.MAX_VALUE) {
            throw new IllegalArgumentException("alpha_sigmoid_steepness is an i16, got " + alphaSigmoidSteepness);
        }
        if (bondsMovingAverage < 0
                || activityCutoffFactorMilli < 0
                || stakeThreshold < 0
                || lastMechanismStepBlock < 0
                || tempo < 0) {
            throw new IllegalArgumentException("bonds_moving_average, activity_cutoff_factor_milli, "
                    + "stake_threshold, last_mechanism_step_block and tempo are unsigned");
        }
        if (ownerUid == null) {
            throw new IllegalArgumentException("owner_uid is OptionalInt.empty() when there is none");
        }
        if (ownerUid.isPresent() && (ownerUid.getAsInt() < 0 || ownerUid.getAsInt() > 65535)) {
            throw new IllegalArgumentException("owner_uid is a u16, got " + ownerUid.getAsInt());
        }
    }

    /** subtensor's mock defaults (the cases' starting point): kappa 32767, bonds penalty 65535, α 0.1, … */
    public static YumaParams defaults(int n, long tempo) {
        return new YumaParams(
                32767,
                65535,
                900_000,
                13_889,
                0,
                100,
                false,
                false,
                45875,
                58982,
                1000,
                OptionalInt.empty(),
                0,
                n,
                tempo);
    }

    /** {@code get_activity_cutoff_blocks}: {@code max(1, factor·tempo / 1000)}. */
    public long activityCutoffBlocks() {
        return Math.max(1, activityCutoffFactorMilli * tempo / 1000);
    }

    /**
     * This set of parameters with one changed, by its case-file name ({@code set_param}); the value is a
     * {@link Number}, a {@link Boolean} ({@code yuma3}, {@code liquid_alpha}) or {@code null} ({@code owner_uid}).
     * {@code n} cannot change: the state's vectors are sized by it.
     */
    public YumaParams with(String name, Object value) {
        return switch (name) {
            case "kappa" ->
                new YumaParams(
                        intOf(name, value),
                        bondsPenalty,
                        bondsMovingAverage,
                        activityCutoffFactorMilli,
                        stakeThreshold,
                        maxAllowedValidators,
                        yuma3,
                        liquidAlpha,
                        alphaLow,
                        alphaHigh,
                        alphaSigmoidSteepness,
                        ownerUid,
                        lastMechanismStepBlock,
                        n,
                        tempo);
            case "bonds_penalty" ->
                new YumaParams(
                        kappa,
                        intOf(name, value),
                        bondsMovingAverage,
                        activityCutoffFactorMilli,
                        stakeThreshold,
                        maxAllowedValidators,
                        yuma3,
                        liquidAlpha,
                        alphaLow,
                        alphaHigh,
                        alphaSigmoidSteepness,
                        ownerUid,
                        lastMechanismStepBlock,
                        n,
                        tempo);
            case "bonds_moving_average" ->
                new YumaParams(
                        kappa,
                        bondsPenalty,
                        longOf(name, value),
                        activityCutoffFactorMilli,
                        stakeThreshold,
                        maxAllowedValidators,
                        yuma3,
                        liquidAlpha,
                        alphaLow,
                        alphaHigh,
                        alphaSigmoidSteepness,
                        ownerUid,
                        lastMechanismStepBlock,
                        n,
                        tempo);
            case "activity_cutoff_factor_milli" ->
                new YumaParams(
                        kappa,
                        bondsPenalty,
                        bondsMovingAverage,
                        longOf(name, value),
                        stakeThreshold,
                        maxAllowedValidators,
                        yuma3,
                        liquidAlpha,
                        alphaLow,
                        alphaHigh,
                        alphaSigmoidSteepness,
                        ownerUid,
                        lastMechanismStepBlock,
                        n,
                        tempo);
            case "stake_threshold" ->
                new YumaParams(
                        kappa,
                        bondsPenalty,
                        bondsMovingAverage,
                        activityCutoffFactorMilli,
                        longOf(name, value),
                        maxAllowedValidators,
                        yuma3,
                        liquidAlpha,
                        alphaLow,
                        alphaHigh,
                        alphaSigmoidSteepness,
                        ownerUid,
                        lastMechanismStepBlock,
                        n,
                        tempo);
            case "max_allowed_validators" ->
                new YumaParams(
                        kappa,
                        bondsPenalty,
                        bondsMovingAverage,
                        activityCutoffFactorMilli,
                        stakeThreshold,
                        intOf(name, value),
                        yuma3,
                        liquidAlpha,
                        alphaLow,
                        alphaHigh,
                        alphaSigmoidSteepness,
                        ownerUid,
                        lastMechanismStepBlock,
                        n,
                        tempo);
            case "yuma3" ->
                new YumaParams(
                        kappa,
                        bondsPenalty,
                        bondsMovingAverage,
                        activityCutoffFactorMilli,
                        stakeThreshold,
                        maxAllowedValidators,
                        boolOf(name, value),
                        liquidAlpha,
                        alphaLow,
                        alphaHigh,
                        alphaSigmoidSteepness,
                        ownerUid,
                        lastMechanismStepBlock,
                        n,
                        tempo);
            case "liquid_alpha" ->
                new YumaParams(
                        kappa,
                        bondsPenalty,
                        bondsMovingAverage,
                        activityCutoffFactorMilli,
                        stakeThreshold,
                        maxAllowedValidators,
                        yuma3,
                        boolOf(name, value),
                        alphaLow,
                        alphaHigh,
                        alphaSigmoidSteepness,
                        ownerUid,
                        lastMechanismStepBlock,
                        n,
                        tempo);
            case "alpha_low" ->
                new YumaParams(
                        kappa,
                        bondsPenalty,
                        bondsMovingAverage,
                        activityCutoffFactorMilli,
                        stakeThreshold,
                        maxAllowedValidators,
                        yuma3,
                        liquidAlpha,
                        intOf(name, value),
                        alphaHigh,
                        alphaSigmoidSteepness,
                        ownerUid,
                        lastMechanismStepBlock,
                        n,
                        tempo);
            case "alpha_high" ->
                new YumaParams(
                        kappa,
                        bondsPenalty,
                        bondsMovingAverage,
                        activityCutoffFactorMilli,
                        stakeThreshold,
                        maxAllowedValidators,
                        yuma3,
                        liquidAlpha,
                        alphaLow,
                        intOf(name, value),
                        alphaSigmoidSteepness,
                        ownerUid,
                        lastMechanismStepBlock,
                        n,
                        tempo);
            case "alpha_sigmoid_steepness" ->
                new YumaParams(
                        kappa,
                        bondsPenalty,
                        bondsMovingAverage,
                        activityCutoffFactorMilli,
                        stakeThreshold,
                        maxAllowedValidators,
                        yuma3,
                        liquidAlpha,
                        alphaLow,
                        alphaHigh,
                        intOf(name, value),
                        ownerUid,
                        lastMechanismStepBlock,
                        n,
                        tempo);
            case "owner_uid" ->
                new YumaParams(
                        kappa,
                        bondsPenalty,
                        bondsMovingAverage,
                        activityCutoffFactorMilli,
                        stakeThreshold,
                        maxAllowedValidators,
                        yuma3,
                        liquidAlpha,
                        alphaLow,
                        alphaHigh,
                        alphaSigmoidSteepness,
                        value == null ? OptionalInt.empty() : OptionalInt.of(intOf(name, value)),
                        lastMechanismStepBlock,
                        n,
                        tempo);
            case "last_mechanism_step_block" ->
                new YumaParams(
                        kappa,
                        bondsPenalty,
                        bondsMovingAverage,
                        activityCutoffFactorMilli,
                        stakeThreshold,
                        maxAllowedValidators,
                        yuma3,
                        liquidAlpha,
                        alphaLow,
                        alphaHigh,
                        alphaSigmoidSteepness,
                        ownerUid,
                        longOf(name, value),
                        n,
                        tempo);
            case "tempo" ->
                new YumaParams(
                        kappa,
                        bondsPenalty,
                        bondsMovingAverage,
                        activityCutoffFactorMilli,
                        stakeThreshold,
                        maxAllowedValidators,
                        yuma3,
                        liquidAlpha,
                        alphaLow,
                        alphaHigh,
                        alphaSigmoidSteepness,
                        ownerUid,
                        lastMechanismStepBlock,
                        n,
                        longOf(name, value));
            case "n" -> throw new IllegalArgumentException("n cannot be changed by set_param");
            default -> throw new IllegalArgumentException("unknown parameter '" + name + "'");
        };
    }

    private static void requireU16(String name, int value) {
        if (value < 0 || value > 65535) {
            throw new IllegalArgumentException(name + " is a u16, got " + value);
        }
    }

    private static long longOf(String name, Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return ((Number) value).longValue();
        }
        throw new IllegalArgumentException(name + " must be a whole number, got " + value);
    }

    private static int intOf(String name, Object value) {
        long v = longOf(name, value);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " is out of range: " + v);
        }
        return (int) v;
    }

    private static boolean boolOf(String name, Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException(name + " must be true or false, got " + value);
    }
}
