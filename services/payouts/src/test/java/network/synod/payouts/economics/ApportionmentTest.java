package network.synod.payouts.economics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class ApportionmentTest {

    @Test
    void floorsEachShareAndReturnsTheDust() {
        Apportionment.Result r = Apportionment.floorWithDust(100, weights(Map.of("a", 1L, "b", 1L, "c", 1L)));
        assertEquals(Map.of("a", 33L, "b", 33L, "c", 33L), r.shares());
        assertEquals(1, r.dust());
    }

    @Test
    void proportionalSharesWithoutRemainderLeaveNoDust() {
        Apportionment.Result r = Apportionment.floorWithDust(10, weights(Map.of("a", 3L, "b", 0L, "c", 7L)));
        assertEquals(Map.of("a", 3L, "b", 0L, "c", 7L), r.shares());
        assertEquals(0, r.dust());
    }

    @Test
    void allZeroWeightsMakeEverythingDust() {
        Apportionment.Result r = Apportionment.floorWithDust(42, weights(Map.of("a", 0L)));
        assertEquals(0L, r.shares().get("a"));
        assertEquals(42, r.dust());
    }

    @Test
    void hugeAmountsDoNotOverflow() {
        long total = Long.MAX_VALUE - 7;
        Apportionment.Result r = Apportionment.floorWithDust(
                total, weights(Map.of("a", Long.MAX_VALUE, "b", 3L, "c", Long.MAX_VALUE / 3)));
        assertEquals(total, r.distributed() + r.dust());
    }

    @Test
    void measuredWeightsBecomeExactIntegers() {
        assertEquals(new BigInteger("500000000000000000"), Apportionment.exactWeight(0.5));
        assertEquals(BigInteger.ZERO, Apportionment.exactWeight(Double.NaN));
        assertEquals(BigInteger.ZERO, Apportionment.exactWeight(-1));
        assertEquals(BigInteger.ZERO, Apportionment.exactWeight(Double.POSITIVE_INFINITY));
        // 0.1 is really 0.1000000000000000055511…; quantising keeps that exact binary value, the same every time.
        assertEquals(new BigInteger("100000000000000006"), Apportionment.exactWeight(0.1));
    }

    @Test
    void exactWeightsAreTheQuantisedExactBinaryValues() {
        // The definition: the double's exact decimal value, rounded half-even to 18 decimals.
        Random random = new Random(20261128);
        List<Double> samples = new ArrayList<>(List.of(
                Double.MIN_VALUE,
                Double.MIN_NORMAL,
                Double.MAX_VALUE,
                1e-18,
                5e-19,
                1.5e-18,
                2.5e-18,
                1.0,
                0.75,
                1e-5,
                123456.789,
                Math.scalb(1.0, 60),
                // j·2^-19 with j odd is exactly halfway between two integer weights: ties go to the even one.
                Math.scalb(1.0, -19),
                Math.scalb(3.0, -19),
                Math.scalb(5.0, -19),
                Math.scalb(7.0, -19)));
        for (int i = 0; i < 50_000; i++) {
            samples.add(random.nextDouble());
            samples.add(random.nextDouble() * Math.pow(10, random.nextInt(40) - 25));
            samples.add(Double.longBitsToDouble(random.nextLong() & Long.MAX_VALUE)); // any positive bit pattern
        }
        for (double d : samples) {
            if (Double.isFinite(d) && d > 0) {
                assertEquals(
                        new BigDecimal(d).setScale(18, RoundingMode.HALF_EVEN).unscaledValue(),
                        Apportionment.exactWeight(d),
                        () -> "weight of " + d);
            }
        }
    }

    @Test
    void productQuotientsAreExact() {
        Random random = new Random(42);
        long[] edges = {
            0,
            1,
            2,
            3,
            1L << 31,
            (1L << 32) - 1,
            1L << 32,
            1_000_000_000_000_000_000L,
            Long.MAX_VALUE - 1,
            Long.MAX_VALUE
        };
        List<long[]> cases = new ArrayList<>();
        for (long a : edges) {
            for (long d : edges) {
                for (long b : new long[] {0, 1, d / 3, d / 2, d - 1, d}) {
                    if (d > 0 && b >= 0) {
                        cases.add(new long[] {a, b, d});
                    }
                }
            }
        }
        for (int i = 0; i < 200_000; i++) {
            long d = 1 + (random.nextLong() & Long.MAX_VALUE) % (random.nextBoolean() ? Long.MAX_VALUE : 1L << 60);
            long b = (random.nextLong() & Long.MAX_VALUE) % (d + 1); // 0 <= b <= d
            cases.add(new long[] {random.nextLong() & Long.MAX_VALUE, b, d});
        }
        for (long[] c : cases) {
            long expected = BigInteger.valueOf(c[0])
                    .multiply(BigInteger.valueOf(c[1]))
                    .divide(BigInteger.valueOf(c[2]))
                    .longValueExact();
            assertEquals(
                    expected,
                    Apportionment.multiplyDivideFloor(c[0], c[1], c[2]),
                    () -> c[0] + " * " + c[1] + " / " + c[2]);
        }
    }

    @Test
    void largeWeightSumsStillApportionExactly() {
        // Weights whose sum passes 2^63 take the BigInteger path; the result is the same kind of floor.
        Apportionment.Result r = Apportionment.floorWithDust(
                1_000, weights(Map.of("a", Long.MAX_VALUE, "b", Long.MAX_VALUE, "c", Long.MAX_VALUE)));
        assertEquals(Map.of("a", 333L, "b", 333L, "c", 333L), r.shares());
        assertEquals(1, r.dust());
    }

    @Test
    void basisPointFractionsFloor() {
        assertEquals(2_499, Apportionment.fraction(9_999, 2_500, 10_000));
        assertEquals(0, Apportionment.fraction(3, 1, 10_000));
    }

    @Test
    void negativeAmountsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Apportionment.floorWithDust(-1, weights(Map.of())));
    }

    private static SortedMap<String, BigInteger> weights(Map<String, Long> raw) {
        SortedMap<String, BigInteger> out = new TreeMap<>();
        raw.forEach((k, v) -> out.put(k, BigInteger.valueOf(v)));
        return out;
    }
}
