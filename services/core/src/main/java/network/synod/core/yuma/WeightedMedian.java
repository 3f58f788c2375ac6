package network.synod.core.yuma;

import java.util.ArrayList;
import java.util.List;

/**
 * Consensus: {@code weighted_median_col_sparse} and {@code weighted_median}, copied literally, because the
 * median's bracket and pivot choice decide ties: the mid-index pivot {@code cur[n/2]}, a strict {@code <} to go
 * lower and {@code <=} to go upper, saturating bracket updates and an iteration cap of the partition's length.
 */
public final class WeightedMedian {

    private WeightedMedian() {}

    /**
     * The stake-weighted median of each column. Only rows with stake above 0 take part, and their stakes are
     * normalised again (in I32F32), so {@code minority = Σ use_stake − majority} may sit slightly off
     * {@code 1 − majority}.
     */
    public static long[] ofColumns(long[] stake, List<List<Entry>> score, int columns, long majority) {
        return ofColumns(stake, SparseMatrix.of(score), columns, majority);
    }

    static long[] ofColumns(long[] stake, SparseMatrix score, int columns, long majority) {
        List<Long> positive = new ArrayList<>();
        for (long s : stake) {
            if (s > 0) {
                positive.add(s);
            }
        }
        long[] useStake =
                Vectors.normalize(positive.stream().mapToLong(Long::longValue).toArray());
        long stakeSum = Vectors.sum(useStake);
        long minority = I32F32.sub(stakeSum, majority);
        int[] stakeIdx = new int[useStake.length];
        for (int k = 0; k < stakeIdx.length; k++) {
            stakeIdx[k] = k;
        }
        long[][] useScore = new long[columns][useStake.length];
        int k = 0;
        for (int i = 0; i < stake.length && i < score.rows(); i++) {
            if (stake[i] > 0) {
                int[] c = score.cols[i];
                long[] v = score.vals[i];
                for (int e = 0; e < c.length; e++) {
                    if (c[e] < columns) {
                        useScore[c[e]][k] = v[e];
                    }
                }
                k++;
            }
        }
        long[] median = new long[columns];
        Scratch scratch = new Scratch(stakeIdx.length);
        for (int c = 0; c < columns; c++) {
            median[c] = of(useStake, useScore[c], stakeIdx, minority, 0, stakeSum, scratch);
        }
        return median;
    }

    /** {@code weighted_median} over the indices {@code partition}, within the stake bracket [lo, hi]. */
    public static long of(long[] stake, long[] score, int[] partition, long minority, long lo, long hi) {
        return of(stake, score, partition, minority, lo, hi, new Scratch(partition.length));
    }

    /**
     * Three index buffers of the partition's length that the iterations rotate through (the current partition,
     * the lower and the upper part), so that one column's median allocates nothing; each part keeps the order of
     * the partition it came from, as the Rust vectors do, so the pivots are the same.
     */
    private static final class Scratch {
        int[] current;
        int[] lower;
        int[] upper;

        Scratch(int length) {
            current = new int[length];
            lower = new int[length];
            upper = new int[length];
        }
    }

    private static long of(
            long[] stake, long[] score, int[] partition, long minority, long lo, long hi, Scratch scratch) {
        if (stake.length != score.length) {
            return 0;
        }
        int n = partition.length;
        System.arraycopy(partition, 0, scratch.current, 0, n);
        int iterations = 0;
        int limit = partition.length;
        while (true) {
            int[] current = scratch.current;
            if (n == 0) {
                return 0;
            }
            if (n == 1) {
                return score[current[0]];
            }
            long pivot = score[current[n / 2]];
            long loStake = 0;
            long hiStake = 0;
            int[] lower = scratch.lower;
            int[] upper = scratch.upper;
            int nl = 0;
            int nu = 0;
            for (int k = 0; k < n; k++) {
                int idx = current[k];
                if (score[idx] == pivot) {
                    continue;
                }
                if (score[idx] < pivot) {
                    loStake = I32F32.add(loStake, stake[idx]);
                    lower[nl++] = idx;
                } else {
                    hiStake = I32F32.add(hiStake, stake[idx]);
                    upper[nu++] = idx;
                }
            }
            if (minority < I32F32.add(lo, loStake) && nl > 0) {
                scratch.lower = current;
                scratch.current = lower;
                n = nl;
                hi = I32F32.add(lo, loStake);
            } else if (I32F32.sub(hi, hiStake) <= minority && nu > 0) {
                scratch.upper = current;
                scratch.current = upper;
                n = nu;
                lo = I32F32.sub(hi, hiStake);
            } else {
                return pivot;
            }
            iterations++;
            if (iterations > limit) {
                return 0;
            }
        }
    }
}
