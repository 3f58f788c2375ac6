package network.synod.payouts.economics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.Map;
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
        Apportionment.Result r = Apportionment.floorWithDust(total,
                weights(Map.of("a", Long.MAX_VALUE, "b", 3L, "c", Long.MAX_VALUE / 3)));
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
