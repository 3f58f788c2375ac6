package network.synod.core.yuma;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** The vector functions of subtensor's {@code epoch/math.rs} that the epoch calls, on I32F32 bits. */
public final class Vectors {

    private Vectors() {}

    /** {@code sum()}: plain integer addition of the bits (no rounding, so the order does not matter). */
    public static long sum(long[] x) {
        long s = 0;
        for (long v : x) {
            s += v;
        }
        return s;
    }

    /** {@code inplace_normalize}: divided by the sum, unless the sum is 0. */
    public static long[] normalize(long[] x) {
        return normalizeUsingSum(x, sum(x));
    }

    /** {@code inplace_normalize_using_sum}. */
    public static long[] normalizeUsingSum(long[] x, long sum) {
        if (sum == 0) {
            return x.clone();
        }
        long[] out = new long[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = I32F32.div(x[i], sum);
        }
        return out;
    }

    /**
     * The stake vector of {@code get_stake_weights_for_network} + {@code inplace_normalize_64} +
     * {@code vec_fixed64_to_fixed32}: normalised in I64F64 ({@code (s << 64) / Σs}, truncated) and then floored to
     * I32F32, which is exactly {@code floor(s·2^32 / Σs)}. It is <em>not</em> normalised in I32F32.
     */
    public static long[] normalizeStake(long[] stake) {
        BigInteger total = BigInteger.ZERO;
        for (long s : stake) {
            total = total.add(BigInteger.valueOf(s));
        }
        long[] out = new long[stake.length];
        if (total.signum() == 0) {
            return out;
        }
        for (int i = 0; i < stake.length; i++) {
            // I64F64 bits of s/Σs: ((s << 64) << 64) / (Σs << 64), truncated.
            BigInteger i64f64 = BigInteger.valueOf(stake[i]).shiftLeft(64).divide(total);
            out[i] = i64f64.shiftRight(32).longValueExact();
        }
        return out;
    }

    /**
     * {@code is_topk_nonzero}: non-zero entries among the k largest. A stable ascending sort, and the first
     * {@code n − k} indices lose their place, so ties at the cutoff go against the lower uid; with {@code n < k}
     * every non-zero entry is in.
     */
    public static boolean[] topkNonzero(long[] x, int k) {
        int n = x.length;
        boolean[] result = new boolean[n];
        for (int i = 0; i < n; i++) {
            result[i] = x[i] != 0;
        }
        if (n < k) {
            return result;
        }
        Integer[] idx = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(idx, Comparator.comparingLong(i -> x[i])); // object sort: stable
        for (int r = 0; r < n - k; r++) {
            result[idx[r]] = false;
        }
        return result;
    }

    /** {@code inplace_mask_vector}: masked entries become 0. */
    public static long[] mask(boolean[] mask, long[] x) {
        long[] out = x.clone();
        for (int i = 0; i < out.length; i++) {
            if (i >= mask.length || mask[i]) {
                out[i] = 0;
            }
        }
        return out;
    }

    /** {@code vec_mul}: element-wise product, 0 where it overflows ({@code checked_mul().unwrap_or_default()}). */
    public static long[] mul(long[] a, long[] b) {
        long[] out = new long[Math.min(a.length, b.length)];
        for (int i = 0; i < out.length; i++) {
            out[i] = I32F32.mulOrZero(a[i], b[i]);
        }
        return out;
    }

    /** {@code vec_u16_max_upscale_to_u16}: what {@code set_weights} stores for the extrinsic's values. */
    public static int[] maxUpscaleToU16(int[] values) {
        long[] v = new long[values.length];
        long max = Long.MIN_VALUE;
        for (int i = 0; i < values.length; i++) {
            v[i] = I32F32.fromInt(values[i]);
            max = Math.max(max, v[i]);
        }
        int[] out = new int[values.length];
        if (values.length == 0) {
            return out;
        }
        for (int i = 0; i < v.length; i++) {
            long scaled;
            if (max == 0) {
                scaled = I32F32.mul(v[i], I32F32.U16_MAX);
            } else if (max > I32F32.fromInt(32768)) {
                scaled = I32F32.round(I32F32.mul(v[i], I32F32.div(I32F32.U16_MAX, max)));
            } else {
                scaled = I32F32.round(I32F32.div(I32F32.mul(v[i], I32F32.U16_MAX), max));
            }
            out[i] = I32F32.toU16(scaled);
        }
        return out;
    }
}
