package network.synod.payouts.economics;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;

/**
 * Splits an integer amount between holders in proportion to exact weights: each holder gets the floor of its
 * proportional share and the remainder (the dust, always smaller than the number of holders) is returned to the
 * caller, who decides where it goes (the treasury, or a reputer for its delegators' rounding).
 *
 * <p>Weights that come from measurements (doubles) are first turned into exact integers with
 * {@link #exactWeight(double)}, so the result depends only on the input bits, never on evaluation order.
 */
public final class Apportionment {

    /** Weights are quantised to units of 10^-18: far finer than any score is measured, still an exact integer. */
    private static final int WEIGHT_SCALE = 18;

    private Apportionment() {
    }

    /** Shares in the holders' key order (ascending id) and the undistributed dust. */
    public record Result(Map<String, Long> shares, long dust) {
        public long distributed() {
            return shares.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The exact integer weight of a measured double; NaN, infinities and non-positive values weigh nothing. */
    public static BigInteger exactWeight(double weight) {
        if (!(weight > 0) || Double.isInfinite(weight)) {
            return BigInteger.ZERO;
        }
        // new BigDecimal(double) is the exact binary value, so the same double always gives the same integer.
        return new BigDecimal(weight).setScale(WEIGHT_SCALE, RoundingMode.HALF_EVEN).unscaledValue();
    }

    /**
     * Floor of {@code total * w / sum(w)} for every holder; holders with weight zero get nothing. If every
     * weight is zero, everything is dust.
     */
    public static Result floorWithDust(long total, SortedMap<String, BigInteger> weights) {
        if (total < 0) {
            throw new IllegalArgumentException("cannot apportion a negative amount: " + total);
        }
        BigInteger sum = BigInteger.ZERO;
        for (BigInteger w : weights.values()) {
            if (w.signum() < 0) {
                throw new IllegalArgumentException("negative weight");
            }
            sum = sum.add(w);
        }
        if (sum.signum() == 0 || total == 0) {
            Map<String, Long> none = new LinkedHashMap<>();
            weights.keySet().forEach(k -> none.put(k, 0L));
            return new Result(Collections.unmodifiableMap(none), total);
        }
        BigInteger big = BigInteger.valueOf(total);
        Map<String, Long> shares = new LinkedHashMap<>(weights.size() * 2);
        long paid = 0;
        for (Map.Entry<String, BigInteger> e : weights.entrySet()) {
            long share = big.multiply(e.getValue()).divide(sum).longValueExact();
            shares.put(e.getKey(), share);
            paid += share;
        }
        return new Result(Collections.unmodifiableMap(shares), total - paid);
    }

    /** {@code floor(amount * numerator / denominator)} without overflow; for basis points and similar ratios. */
    public static long fraction(long amount, long numerator, long denominator) {
        return BigInteger.valueOf(amount).multiply(BigInteger.valueOf(numerator))
                .divide(BigInteger.valueOf(denominator)).longValueExact();
    }
}
