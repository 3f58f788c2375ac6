package network.synod.core.yuma;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Stake normalisation, permits and set-weights upscaling on hand-worked inputs. */
class VectorsTest {

    private static final long ONE = 1L << 32;

    @Test
    void stakeIsFlooredNotRounded() {
        // floor(2^32 / 10) = 429496729; rounding would give 429496730, and the emission 100000000, not 99999999.
        long[] stake = Vectors.normalizeStake(new long[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1});
        for (long s : stake) {
            assertEquals(429496729L, s);
        }
        assertArrayEquals(new long[] {1431655765L, 2863311530L}, Vectors.normalizeStake(new long[] {5, 10}));
        assertArrayEquals(new long[] {0, 0}, Vectors.normalizeStake(new long[] {0, 0}));
    }

    @Test
    void permitTiesAtTheCutoffGoAgainstTheLowerUid() {
        assertArrayEquals(new boolean[] {false, true, true}, Vectors.topkNonzero(new long[] {ONE, ONE, ONE}, 2));
        assertArrayEquals(new boolean[] {true, false, true}, Vectors.topkNonzero(new long[] {3, 1, 2}, 2));
        // n < k: every non-zero stake, and zero stake never.
        assertArrayEquals(new boolean[] {false, true}, Vectors.topkNonzero(new long[] {0, 5}, 5));
        // n == k: the sort runs but nobody is cut; zero still gets none.
        assertArrayEquals(new boolean[] {false, true}, Vectors.topkNonzero(new long[] {0, 5}, 2));
    }

    @Test
    void setWeightsMaxUpscales() {
        assertArrayEquals(new int[] {65535, 32768}, Vectors.maxUpscaleToU16(new int[] {43690, 21845}));
        assertArrayEquals(new int[] {65535, 65535, 65535}, Vectors.maxUpscaleToU16(new int[] {127, 127, 127}));
        assertArrayEquals(new int[] {0, 0}, Vectors.maxUpscaleToU16(new int[] {0, 0}));
        // max ≤ 32768: round((8192·65535)/16384) = round(32767.5) = 32768, ties away from zero.
        assertArrayEquals(new int[] {65535, 32768, 0}, Vectors.maxUpscaleToU16(new int[] {16384, 8192, 0}));
        assertArrayEquals(new int[] {65535, 0}, Vectors.maxUpscaleToU16(new int[] {65535, 0}));
    }

    @Test
    void theBondsMovingAverageBecomesAnAlpha() {
        YumaParams p = YumaParams.defaults(1, 1);
        assertEquals(429496730L, Yuma.fixedAlpha(p), "bma 900000 → 0.1000000001");
        assertEquals(107374183L, Yuma.fixedAlpha(p.with("bonds_moving_average", 975_000L)), "975000 → 0.025…");
    }

    @Test
    void vecMulIsZeroWhereTheProductOverflows() {
        assertArrayEquals(
                new long[] {ONE / 4, 0},
                Vectors.mul(new long[] {ONE / 2, Long.MAX_VALUE}, new long[] {ONE / 2, 2 * ONE}));
    }
}
