package network.synod.core.yuma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The rounding rules of README "Fixed-point rules", on hand-worked values where the rule and its obvious
 * alternative give different bits (expected values worked out by hand or with Python integers, not with this
 * code).
 */
class I32F32Test {

    private static final long ONE = 1L << 32;

    @Test
    void multiplicationFloorsTheExactProduct() {
        // 3 bits × 0.5 = 1.5 bits: floor gives 1 (nearest: 2); −1.5 bits floors to −2 (truncation: −1).
        assertEquals(1, I32F32.mul(3, ONE / 2));
        assertEquals(-2, I32F32.mul(-3, ONE / 2));
        assertEquals(6 * ONE, I32F32.mul(2 * ONE, 3 * ONE));
        assertEquals(Long.MAX_VALUE, I32F32.mul(Long.MAX_VALUE, 2 * ONE));
        assertEquals(Long.MIN_VALUE, I32F32.mul(Long.MAX_VALUE, -2 * ONE));
    }

    @Test
    void multiplicationAgreesWithA128BitReferenceOnRandomValues() {
        Random random = new Random(7);
        BigInteger max = BigInteger.valueOf(Long.MAX_VALUE);
        BigInteger min = BigInteger.valueOf(Long.MIN_VALUE);
        for (int k = 0; k < 100_000; k++) {
            long a = k % 2 == 0 ? random.nextLong() : random.nextLong() >> random.nextInt(64);
            long b = random.nextLong() >> random.nextInt(64);
            BigInteger exact =
                    BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).shiftRight(32);
            long expected = exact.max(min).min(max).longValue();
            assertEquals(expected, I32F32.mul(a, b), a + " × " + b);
        }
    }

    @Test
    void divisionTruncatesTowardZero() {
        // 2/3 = 2863311530.67 bits: truncation 2863311530 (nearest 2863311531); −2/3 → −2863311530
        // (floor would give −2863311531).
        assertEquals(2863311530L, I32F32.div(2 * ONE, 3 * ONE));
        assertEquals(-2863311530L, I32F32.div(-2 * ONE, 3 * ONE));
        assertEquals(-2863311530L, I32F32.div(2 * ONE, -3 * ONE));
        // Wide numerators (|a| ≥ 2^31 bits) take the 96-bit path: 2^40 / 3.
        assertEquals((1L << 40) / 3, I32F32.div(1L << 40, 3 * ONE));
    }

    /**
     * The 96-by-64-bit quotient (long division, no BigInteger) against BigInteger's exact truncated quotient:
     * random operands of every bit length and sign, and the edges (±2^63, ±1, quotients at the 64-bit limit).
     */
    @Test
    void divisionAgreesWithA128BitReferenceOnRandomValues() {
        Random random = new Random(11);
        long[] edges = {
            Long.MIN_VALUE,
            Long.MIN_VALUE + 1,
            Long.MAX_VALUE,
            -1,
            1,
            1L << 31,
            -(1L << 31),
            (1L << 31) - 1,
            ONE,
            -ONE,
            65535L << 32,
            3,
            1L << 62
        };
        for (int k = 0; k < 400_000; k++) {
            long a = k % 4 == 0 ? random.nextLong() : random.nextLong() >> random.nextInt(64);
            long b = k % 3 == 0 ? random.nextLong() : random.nextLong() >> random.nextInt(64);
            if (k < edges.length * edges.length) {
                a = edges[k / edges.length];
                b = edges[k % edges.length];
            }
            if (b == 0) {
                continue;
            }
            BigInteger q = BigInteger.valueOf(a).shiftLeft(32).divide(BigInteger.valueOf(b));
            long expected = q.bitLength() <= 63 ? q.longValue() : 0;
            assertEquals(expected, I32F32.div(a, b), a + " / " + b);
            long saturated = q.bitLength() <= 63 ? q.longValue() : q.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
            assertEquals(saturated, I32F32.saturatingDiv(a, b), a + " / " + b + " (saturating)");
            assertEquals(q.bitLength() <= 63 ? q.longValue() : null, I32F32.checkedDiv(a, b), a + " / " + b);
        }
    }

    @Test
    void safeDivisionIsZeroForDivisionByZeroAndForOverflow() {
        assertEquals(0, I32F32.div(ONE, 0));
        assertEquals(0, I32F32.div(1L << 62, 1), "2^30 / 2^-32 overflows");
        assertEquals(Long.MAX_VALUE, I32F32.saturatingDiv(1L << 62, 1));
        assertEquals(Long.MIN_VALUE, I32F32.saturatingDiv(1L << 62, -1));
    }

    @Test
    void toU16FloorsAndSaturates() {
        assertEquals(32767, I32F32.proportionToU16(ONE / 2), "floor(0.5 × 65535) = floor(32767.5)");
        assertEquals(65535, I32F32.proportionToU16(ONE));
        assertEquals(65534, I32F32.proportionToU16(ONE - 1), "just under 1 is not 65535");
        assertEquals(65535, I32F32.proportionToU16(2 * ONE));
        assertEquals(0, I32F32.proportionToU16(-ONE));
        assertEquals(3, I32F32.toU16(3 * ONE + ONE - 1));
    }

    @Test
    void u16ProportionsAreTruncatedQuotients() {
        assertEquals(2147450879L, I32F32.fromU16Proportion(32767), "kappa 32767");
        assertEquals(429463961L, I32F32.fromU16Proportion(6553), "alpha low 6553");
        assertEquals(1288457420L, I32F32.fromU16Proportion(19660), "alpha high 19660");
        assertEquals(ONE, I32F32.fromU16Proportion(65535));
    }

    @Test
    void floatsRoundToNearestWithTiesToEven() {
        // 0.1f32 is exactly 13421773·2^-27 = 0.100000001490116…, so 429496736 bits (the README's 429496730 is the
        // f64 0.1, rounded); substrate-fixed converts the float's exact value (float_helper.rs, to_float_kind).
        assertEquals(429496736L, I32F32.fromFloat(0.1f));
        assertEquals(429496730L, I32F32.fromDouble(0.1));
        assertEquals(2, I32F32.fromFloat(Math.scalb(3f, -33)), "1.5 bits → 2");
        assertEquals(2, I32F32.fromFloat(Math.scalb(5f, -33)), "2.5 bits → 2");
        assertEquals(-2, I32F32.fromFloat(Math.scalb(-3f, -33)));
        assertEquals(4294967L, I32F32.fromDouble(1e-3));
    }

    @Test
    void roundTiesAwayFromZero() {
        assertEquals(3 * ONE, I32F32.round(5 * ONE / 2));
        assertEquals(-3 * ONE, I32F32.round(-5 * ONE / 2));
        assertEquals(2 * ONE, I32F32.round(5 * ONE / 2 - 1));
    }

    @Test
    void expIsSubstrateFixedsTaylorSeries() {
        assertEquals(ONE, I32F32.expSafe(0));
        assertEquals(22802600L << 9, I32F32.expSafe(ONE), "exactly 1 gives the I9F23 constant e");
        // The series at 20 (computed with Python integers following README rule 8): 481239357.674…, not
        // e^20 = 485165195.4.
        assertEquals(2066907302758576256L, I32F32.expSafe(20 * ONE));
        assertTrue(I32F32.toDecimalString(I32F32.expSafe(20 * ONE)).startsWith("481239357.674"));
        assertEquals(I32F32.expSafe(20 * ONE), I32F32.expSafe(100 * ONE), "clamped to 20");
        // A negative input is 1 / series(|x|), truncated: exp(−5) = 0.0067379469… = 28939262 bits.
        assertEquals(28939262L, I32F32.expSafe(-5 * ONE));
        assertNotEquals(I32F32.fromDouble(Math.exp(20)), I32F32.expSafe(20 * ONE));
    }

    @Test
    void saturatingAdditionAndSubtraction() {
        assertEquals(Long.MAX_VALUE, I32F32.add(Long.MAX_VALUE, 1));
        assertEquals(Long.MIN_VALUE, I32F32.sub(Long.MIN_VALUE, 1));
        assertEquals(ONE, I32F32.sub(3 * ONE, 2 * ONE));
    }
}
