package network.synod.core.yuma;

import java.util.ArrayList;
import java.util.Arrays;
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
        for (int i = 0; i < stake.length && i < score.size(); i++) {
            if (stake[i] > 0) {
                for (Entry e : score.get(i)) {
                    if (e.col() < columns) {
                        useScore[e.col()][k] = e.value();
                    }
                }
                k++;
            }
        }
        long[] median = new long[columns];
        for (int c = 0; c < columns; c++) {
            median[c] = of(useStake, useScore[c], stakeIdx, minority, 0, stakeSum);
        }
        return median;
    }

    /** {@code weighted_median} over the indices {@code partition}, within the stake bracket [lo, hi]. */
    public static long of(long[] stake, long[] score, int[] partition, long minority, long lo, long hi) {
        if (stake.length != score.length) {
            return 0;
        }
        int[] current = partition.clone();
        int iterations = 0;
        int limit = partition.length;
        while (true) {
            int n = current.length;
            if (n == 0) {
                return 0;
            }
            if (n == 1) {
                return score[current[0]];
            }
            long pivot = score[current[n / 2]];
            long loStake = 0;
            long hiStake = 0;
            int[] lower = new int[n];
            int[] upper = new int[n];
            int nl = 0;
            int nu = 0;
            for (int idx : current) {
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
                current = Arrays.copyOf(lower, nl);
                hi = I32F32.add(lo, loStake);
            } else if (I32F32.sub(hi, hiStake) <= minority && nu > 0) {
                current = Arrays.copyOf(upper, nu);
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
