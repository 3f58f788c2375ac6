package network.synod.core.yuma;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * substrate-fixed's {@code I32F32} as static functions on a {@code long} of raw bits (value = bits / 2^32).
 * Subtensor's epoch is exact integer arithmetic with fixed rounding rules, and a port reproduces its storage
 * values only by copying those rules (shared/reference/yuma/README.md, "Fixed-point rules"): multiplication floors
 * (arithmetic shift of the 128-bit product), division truncates toward zero, conversions to integers floor.
 */
public final class I32F32 {

    public static final int FRAC_BITS = 32;
    public static final long ZERO = 0L;
    public static final long ONE = 1L << FRAC_BITS;
    public static final long MAX = Long.MAX_VALUE;
    public static final long MIN = Long.MIN_VALUE;
    /** 65535 as a whole number: {@code I32F32::saturating_from_num(u16::MAX)}. */
    public static final long U16_MAX = 65535L << FRAC_BITS;

    private static final long FRAC_MASK = ONE - 1;
    private static final long HALF = ONE >> 1;
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);

    private I32F32() {}

    /** An integer, exactly (saturating outside ±2^31). */
    public static long fromInt(long value) {
        if (value >= (1L << 31)) {
            return MAX;
        }
        if (value < -(1L << 31)) {
            return MIN;
        }
        return value << FRAC_BITS;
    }

    /**
     * {@code I32F32::from_num(f32)}: the f32's exact value rounded to the nearest bits, ties to even. Only inputs
     * written as f32 literals in subtensor's tests come this way; the epoch itself never touches a float.
     */
    public static long fromFloat(float value) {
        // value·2^32 is exact in a double (a power-of-two scale of a 24-bit mantissa); rint rounds ties to even.
        double scaled = Math.rint((double) value * 4294967296.0);
        if (scaled >= 9.223372036854775807E18) {
            return MAX;
        }
        if (scaled <= -9.223372036854775808E18) {
            return MIN;
        }
        return (long) scaled;
    }

    /** {@code I32F32::from_num(f64)}, rounded to nearest, ties to even (the tests' tolerances are f64 literals). */
    public static long fromDouble(double value) {
        return new BigDecimal(value)
                .multiply(BigDecimal.valueOf(ONE))
                .setScale(0, RoundingMode.HALF_EVEN)
                .max(new BigDecimal(LONG_MIN))
                .min(new BigDecimal(LONG_MAX))
                .longValueExact();
    }

    /** {@code saturating_add}. */
    public static long add(long a, long b) {
        long r = a + b;
        // Overflow only when both operands share a sign that the result does not.
        if (((a ^ r) & (b ^ r)) < 0) {
            return a < 0 ? MIN : MAX;
        }
        return r;
    }

    /** {@code saturating_sub}. */
    public static long sub(long a, long b) {
        long r = a - b;
        if (((a ^ b) & (a ^ r)) < 0) {
            return a < 0 ? MIN : MAX;
        }
        return r;
    }

    /**
     * {@code saturating_mul}: the exact 128-bit product shifted arithmetically right by 32, which rounds toward
     * −∞, saturated to the i64 range.
     */
    public static long mul(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        // The product >> 32 fits in 64 bits when the top 33 bits of the 128-bit product are all equal.
        long top = hi >> 31;
        if (top != 0 && top != -1) {
            return hi < 0 ? MIN : MAX;
        }
        return (hi << 32) | (lo >>> 32);
    }

    /** {@code checked_mul(..).unwrap_or_default()} (used by {@code vec_mul}): 0 when the product overflows. */
    public static long mulOrZero(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long top = hi >> 31;
        if (top != 0 && top != -1) {
            return 0;
        }
        return (hi << 32) | ((a * b) >>> 32);
    }

    /**
     * {@code safe_div} (subtensor's safe-math): {@code (a << 32) / b} truncated toward zero, and 0 for a division
     * by zero <em>and</em> for a quotient that overflows (not a saturated value).
     */
    public static long div(long a, long b) {
        return b == 0 ? 0 : quotient(a, b, 0, 0);
    }

    /** {@code saturating_div} (only {@code alpha_sigmoid} uses it): an overflowing quotient saturates. */
    public static long saturatingDiv(long a, long b) {
        if (b == 0) {
            throw new ArithmeticException("saturating_div by zero");
        }
        return quotient(a, b, MAX, MIN);
    }

    /** {@code checked_div}: empty ({@code null}) for /0 or overflow; the Taylor series of {@link #exp} uses it. */
    static Long checkedDiv(long a, long b) {
        if (b == 0) {
            return null;
        }
        long q = quotient(a, b, 0, 0);
        // 0 is also what an overflow gives: ask again with another overflow value to tell them apart.
        return q != 0 || quotient(a, b, 1, 1) == 0 ? q : null;
    }

    /**
     * The truncated quotient {@code (a << 32) / b} for {@code b ≠ 0}, or {@code ifPositive} / {@code ifNegative}
     * (by the sign the quotient would have) when it does not fit 64 bits. Cheap cases first, each an exact identity
     * of the rational {@code a·2^32 / b}: a narrow numerator; a whole-number divisor B·2^32, where it is a / B;
     * common trailing zero bits, which cancel.
     */
    private static long quotient(long a, long b, long ifPositive, long ifNegative) {
        if (narrow(a)) {
            return (a << FRAC_BITS) / b;
        }
        if ((b & FRAC_MASK) == 0) {
            long whole = b >> FRAC_BITS;
            return a == MIN && whole == -1 ? ifPositive : a / whole;
        }
        int shift = Math.min(Long.numberOfTrailingZeros(a), Long.numberOfTrailingZeros(b));
        if (shift > 0 && narrow(a >> shift)) {
            return ((a >> shift) << FRAC_BITS) / (b >> shift);
        }
        return wideQuotient(a, b, ifPositive, ifNegative);
    }

    /** {@code |a| < 2^31}: {@code a << 32} fits a long, and its quotient by any b ≠ 0 does too. */
    private static boolean narrow(long a) {
        return a > -(1L << 31) && a < (1L << 31);
    }

    /**
     * The truncated quotient {@code (a << 32) / b} for a wide numerator and {@code b ≠ 0}, or {@code ifPositive}
     * / {@code ifNegative} (by the sign the quotient would have) when it does not fit 64 bits. On unsigned
     * magnitudes (|MIN| = 2^63 fits), then the sign: truncation toward zero, as BigInteger's divide; the result
     * fits when it is ≤ 2^63 − 1, or exactly −2^63.
     */
    private static long wideQuotient(long a, long b, long ifPositive, long ifNegative) {
        boolean negative = (a < 0) != (b < 0);
        long magnitude = unsignedFractionQuotient(Math.abs(a), Math.abs(b));
        if (negative) {
            return Long.compareUnsigned(magnitude, 1L << 63) <= 0 ? -magnitude : ifNegative;
        }
        return magnitude >= 0 ? magnitude : ifPositive;
    }

    /**
     * {@code floor(x·2^32 / y)} for unsigned 64-bit {@code x} and {@code y ≠ 0}, as an unsigned long, or −1 (all
     * ones) when it does not fit 64 bits (no caller can use a quotient that large). The 128-by-64-bit division
     * of Hacker's Delight ({@code divlu}, Knuth's algorithm D with two 32-bit quotient digits) on the dividend
     * {@code x·2^32}.
     */
    static long unsignedFractionQuotient(long x, long y) {
        long u1 = x >>> FRAC_BITS;
        long u0 = x << FRAC_BITS;
        if (Long.compareUnsigned(u1, y) >= 0) {
            return -1L;
        }
        final long base = 1L << 32;
        int s = Long.numberOfLeadingZeros(y);
        long v = y << s;
        long vn1 = v >>> 32;
        long vn0 = v & 0xFFFF_FFFFL;
        long un32 = s == 0 ? u1 : (u1 << s) | (u0 >>> (64 - s));
        long un10 = u0 << s;
        long un1 = un10 >>> 32;
        long un0 = un10 & 0xFFFF_FFFFL;
        long q1 = Long.divideUnsigned(un32, vn1);
        long rhat = un32 - q1 * vn1;
        while (q1 >= base || Long.compareUnsigned(q1 * vn0, base * rhat + un1) > 0) {
            q1--;
            rhat += vn1;
            if (rhat >= base) {
                break;
            }
        }
        long un21 = un32 * base + un1 - q1 * v;
        long q0 = Long.divideUnsigned(un21, vn1);
        rhat = un21 - q0 * vn1;
        while (q0 >= base || Long.compareUnsigned(q0 * vn0, base * rhat + un0) > 0) {
            q0--;
            rhat += vn1;
            if (rhat >= base) {
                break;
            }
        }
        return q1 * base + q0;
    }

    /** {@code saturating_to_num::<u16>()}: floor, clamped to [0, 65535]. */
    public static int toU16(long x) {
        long whole = x >> FRAC_BITS;
        return (int) Math.max(0, Math.min(65535, whole));
    }

    /** {@code saturating_to_num::<u64>()} for the non-negative range a long holds: floor, negatives to 0. */
    public static long toU64(long x) {
        return Math.max(0, x >> FRAC_BITS);
    }

    /** {@code fixed_proportion_to_u16}: {@code floor(x·65535)} clamped to [0, 65535]; every stored u16 output. */
    public static int proportionToU16(long x) {
        return toU16(mul(x, U16_MAX));
    }

    /** {@code u16_proportion_to_fixed}: {@code x / 65535} (kappa, bonds penalty, alpha low/high, Yuma3 bonds). */
    public static long fromU16Proportion(int x) {
        return div(fromInt(x), U16_MAX);
    }

    /** {@code round()}: to the nearest integer, ties away from zero (only the set-weights max-upscale uses it). */
    public static long round(long x) {
        if (x >= 0) {
            return add(x, HALF) & ~FRAC_MASK;
        }
        return -(add(-x, HALF) & ~FRAC_MASK);
    }

    /** {@code clamp_value}: {@code value.min(high).max(low)}. */
    public static long clamp(long value, long low, long high) {
        return Math.max(Math.min(value, high), low);
    }

    /**
     * substrate-fixed's {@code transcendental::exp}: a Taylor series, not {@code Math.exp}. 0 gives 1 and exactly 1
     * gives the I9F23 constant e; otherwise the series over |x| to the 31st term with floor multiplication and
     * truncating division, inverted for a negative input. Empty ({@code null}) where substrate-fixed errs.
     */
    static Long exp(long input) {
        if (input == 0) {
            return ONE;
        }
        if (input == ONE) {
            // I9F23 e = floor(e·2^23) = 22802600, widened to 32 fractional bits.
            return 22802600L << (FRAC_BITS - 23);
        }
        boolean negative = input < 0;
        long x = negative ? -input : input;
        long result = x + ONE;
        long term = x;
        for (int i = 2; i < FRAC_BITS; i++) {
            Long product = checkedMul(term, x);
            if (product == null) {
                return null;
            }
            Long divided = checkedDiv(product, fromInt(i));
            if (divided == null) {
                return null;
            }
            term = divided;
            long sum = result + term;
            if (((result ^ sum) & (term ^ sum)) < 0) {
                return null;
            }
            result = sum;
        }
        if (negative) {
            return checkedDiv(ONE, result);
        }
        return result;
    }

    /** {@code exp_safe}: the input clamped to [−20, 20]; an error of the series gives 0 (x ≤ 0) or the maximum. */
    public static long expSafe(long input) {
        long safe = clamp(input, fromInt(-20), fromInt(20));
        Long out = exp(safe);
        if (out == null) {
            return safe <= 0 ? 0 : MAX;
        }
        return out;
    }

    private static Long checkedMul(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long top = hi >> 31;
        if (top != 0 && top != -1) {
            return null;
        }
        return (hi << 32) | ((a * b) >>> 32);
    }

    /** The value as a decimal string, for messages and debugging only (exact: 32 binary digits are finite). */
    public static String toDecimalString(long x) {
        return new BigDecimal(BigInteger.valueOf(x))
                .divide(BigDecimal.valueOf(ONE))
                .stripTrailingZeros()
                .toPlainString();
    }
}
