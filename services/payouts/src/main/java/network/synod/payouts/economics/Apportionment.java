package network.synod.payouts.economics;

import java.math.BigInteger;
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

    private Apportionment() {}

    /** Shares in the holders' key order (ascending id) and the undistributed dust. */
    public record Result(Map<String, Long> shares, long dust) {
        public long distributed() {
            return shares.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static final BigInteger TEN_TO_THE_SCALE = BigInteger.TEN.pow(WEIGHT_SCALE);

    /**
     * The exact integer weight of a measured double, {@code weight · 10^18} rounded half-even; NaN, infinities and
     * non-positive values weigh nothing. The same double always gives the same integer.
     *
     * <p>This is {@code new BigDecimal(weight).setScale(18, HALF_EVEN).unscaledValue()} (the test checks that they
     * agree), computed from the double's bits: a double is exactly {@code m · 2^e}, so the weight is
     * {@code m · 10^18 · 2^e}, one small multiplication and a shift with half-even rounding of the bits shifted out.
     * A settlement computes 100,000 of these; BigDecimal's exact expansion of {@code 2^e} made it a visible cost.
     */
    public static BigInteger exactWeight(double weight) {
        if (!(weight > 0) || Double.isInfinite(weight)) {
            return BigInteger.ZERO;
        }
        long bits = Double.doubleToRawLongBits(weight);
        int biasedExponent = (int) (bits >>> 52) & 0x7ff;
        long mantissa = bits & ((1L << 52) - 1);
        int exponent;
        if (biasedExponent == 0) {
            exponent = -1074; // subnormal: no implicit leading bit
        } else {
            mantissa |= 1L << 52;
            exponent = biasedExponent - 1075;
        }
        BigInteger scaled = BigInteger.valueOf(mantissa).multiply(TEN_TO_THE_SCALE);
        if (exponent >= 0) {
            return scaled.shiftLeft(exponent);
        }
        int shift = -exponent;
        BigInteger floor = scaled.shiftRight(shift);
        // Round half-even on the bits shifted out: the highest of them is the half, any lower one makes it more.
        boolean half = scaled.testBit(shift - 1);
        boolean moreThanHalf = half && scaled.getLowestSetBit() < shift - 1;
        return half && (moreThanHalf || floor.testBit(0)) ? floor.add(BigInteger.ONE) : floor;
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
        // Each share is at most total, so it fits in a long. When the sum of the weights does too (measured
        // fractions sum to about 10^18), the exact quotient is computed in 128-bit integer arithmetic rather than
        // with two BigInteger operations per holder: the same result, several times faster for 100,000 holders.
        boolean smallSum = sum.bitLength() < 63;
        long longSum = sum.longValue();
        BigInteger big = BigInteger.valueOf(total);
        Map<String, Long> shares = new LinkedHashMap<>(weights.size() * 2);
        long paid = 0;
        for (Map.Entry<String, BigInteger> e : weights.entrySet()) {
            long share = smallSum
                    ? multiplyDivideFloor(total, e.getValue().longValueExact(), longSum)
                    : big.multiply(e.getValue()).divide(sum).longValueExact();
            shares.put(e.getKey(), share);
            paid += share;
        }
        return new Result(Collections.unmodifiableMap(shares), total - paid);
    }

    /**
     * {@code floor(a * b / d)}, exactly, for {@code 0 <= a}, {@code 0 <= b <= d} and {@code d > 0}: the 128-bit
     * product divided by schoolbook binary long division. {@code b <= d} keeps the quotient at most {@code a}.
     */
    static long multiplyDivideFloor(long a, long b, long d) {
        long high = Math.multiplyHigh(a, b); // both non-negative: the signed high half is the unsigned one
        long low = a * b;
        if (high == 0 && low >= 0) {
            return low / d; // the product fits in a long
        }
        // Shift the product's bits into the remainder one at a time, from the top. The remainder starts as the high
        // half, which is less than d (the product is less than a * d < 2^64 * d), and stays below d < 2^63, so
        // doubling it and adding a bit never overflows an unsigned long.
        long remainder = high;
        long quotient = 0;
        for (int bit = 63; bit >= 0; bit--) {
            remainder = (remainder << 1) | ((low >>> bit) & 1);
            quotient <<= 1;
            if (Long.compareUnsigned(remainder, d) >= 0) {
                remainder -= d;
                quotient |= 1;
            }
        }
        return quotient;
    }

    /** {@code floor(amount * numerator / denominator)} without overflow; for basis points and similar ratios. */
    public static long fraction(long amount, long numerator, long denominator) {
        return BigInteger.valueOf(amount)
                .multiply(BigInteger.valueOf(numerator))
                .divide(BigInteger.valueOf(denominator))
                .longValueExact();
    }
}
