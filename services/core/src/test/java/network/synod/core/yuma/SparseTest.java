package network.synod.core.yuma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The sparse functions whose treatment of absent columns and zeros changes later steps (README). */
class SparseTest {

    private static final long ONE = 1L << 32;
    private static final long HALF = ONE / 2;

    @Test
    void clippingDropsEntriesAboveAZeroConsensusAndKeepsZeros() {
        List<List<Entry>> w = List.of(List.of(new Entry(0, ONE), new Entry(1, HALF), new Entry(2, 0)));
        long[] consensus = {0, HALF, HALF};
        assertEquals(List.of(List.of(new Entry(1, HALF), new Entry(2, 0))), Sparse.colClip(w, consensus));
        assertEquals(
                List.of(List.of(new Entry(0, HALF / 2), new Entry(1, HALF / 2), new Entry(2, 0))),
                Sparse.colClip(w, new long[] {HALF / 2, HALF / 2, HALF / 2}));
    }

    @Test
    void interpolationKeepsEitherEndAsIsAndDensifiesBetween() {
        List<List<Entry>> w = List.of(List.of(new Entry(1, ONE), new Entry(0, 0)));
        List<List<Entry>> c = List.of(List.of(new Entry(1, HALF)));
        assertEquals(w, Sparse.interpolate(w, c, 2, 0));
        assertEquals(c, Sparse.interpolate(w, c, 2, ONE));
        // Between: column 0 (0 on both sides) is dropped, column 1 is 1 + 0.5·(0.5 − 1) = 0.75.
        assertEquals(List.of(List.of(new Entry(1, 3 * ONE / 4))), Sparse.interpolate(w, c, 2, HALF));
    }

    @Test
    void theFixedAlphaEmaDecaysAnOldBondWithoutANewWeight() {
        List<List<Entry>> next = List.of(List.of(new Entry(1, ONE)), List.of());
        List<List<Entry>> old = List.of(List.of(new Entry(0, ONE)), List.of());
        // α = 0.25: column 0 decays to 0.75, column 1 gets 0.25; ascending columns.
        assertEquals(
                List.of(List.of(new Entry(0, 3 * ONE / 4), new Entry(1, ONE / 4)), List.of()),
                Sparse.matEma(next, old, ONE / 4));
    }

    @Test
    void theLiquidAlphaEmaDropsAnOldBondWhoseColumnIsAbsentFromTheNewRow() {
        List<List<Entry>> next = List.of(List.of(new Entry(1, ONE)));
        List<List<Entry>> old = List.of(List.of(new Entry(0, ONE), new Entry(1, HALF)));
        long[][] alpha = {{ONE / 4, ONE / 4}};
        // Column 1: 0.75·0.5 + 0.25·1 = 0.625; column 0 is not in the new row, so it is gone (not 0.75).
        assertEquals(List.of(List.of(new Entry(1, 5 * ONE / 8))), Sparse.matEmaAlpha(next, old, alpha));
        // A new zero entry keeps the column: 0.75 · 1 = 0.75.
        List<List<Entry>> withZero = List.of(List.of(new Entry(0, 0), new Entry(1, ONE)));
        assertEquals(
                List.of(List.of(new Entry(0, 3 * ONE / 4), new Entry(1, 5 * ONE / 8))),
                Sparse.matEmaAlpha(withZero, old, alpha));
    }

    @Test
    void columnNormalisationAndMaxUpscaleLeaveEmptyColumnsAlone() {
        List<List<Entry>> m = List.of(List.of(new Entry(0, 3 * ONE), new Entry(1, 0)), List.of(new Entry(0, ONE)));
        assertEquals(
                List.of(List.of(new Entry(0, 3 * ONE / 4), new Entry(1, 0)), List.of(new Entry(0, ONE / 4))),
                Sparse.colNormalize(m, 2));
        assertEquals(
                List.of(List.of(new Entry(0, ONE), new Entry(1, 0)), List.of(new Entry(0, 1431655765L))),
                Sparse.colMaxUpscale(m, 2));
    }

    @Test
    void liquidAlphaIsTheMidpointAtHalfADifference() {
        long low = I32F32.fromU16Proportion(6553);
        long high = I32F32.fromU16Proportion(19660);
        long steep = I32F32.fromInt(1000);
        // weight − consensus = 0.5: exp(0) = 1, sigmoid = 1/2 exactly, alpha = low + floor((high − low)/2).
        assertEquals(low + (high - low) / 2, LiquidAlpha.sigmoid(HALF, ONE, 0, low, high, steep));
        // No difference: exponent (1000 ÷ −100)·(−0.5) = 5, sigmoid = 1/(1 + e^5): alpha close to low.
        long none = LiquidAlpha.sigmoid(ONE, ONE, 0, low, high, steep);
        double expected = (double) low + (double) (high - low) / (1 + Math.exp(5));
        assertTrue(Math.abs(none - expected) < ONE * 1e-7, "within 1e-7 of the exact sigmoid: " + none);
        // Full buy (weight 1 over consensus 0): 1/(1 + e^-5) = 0.99330714907…, within 1e-7 too.
        long full = LiquidAlpha.sigmoid(0, ONE, 0, low, high, steep);
        double expectedFull = (double) low + (double) (high - low) / (1 + Math.exp(-5));
        assertTrue(Math.abs(full - expectedFull) < ONE * 1e-7, "within 1e-7: " + full);
        // Selling (bond above weight) uses bond − weight.
        assertEquals(full, LiquidAlpha.sigmoid(0, 0, ONE, low, high, steep));
    }
}
