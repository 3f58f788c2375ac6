package network.synod.core.yuma;

import java.util.Arrays;
import java.util.List;
import java.util.function.LongBinaryOperator;

/**
 * The sparse-matrix functions of subtensor's {@code epoch/math.rs} that the production epoch
 * ({@code epoch_mechanism}) calls. Each keeps the Rust function's treatment of absent columns and explicit zeros,
 * because which columns are present changes later steps (README, "Sparse structure matters"). The epoch runs them
 * on {@link SparseMatrix}; the public versions on rows of {@link Entry} (for tests and tools) convert and call
 * the same code. Inputs are never modified; a row that a function leaves unchanged may come back shared.
 */
public final class Sparse {

    /** A predicate on two block numbers, as the Rust masks' {@code mask_fn}. */
    @FunctionalInterface
    public interface BlockMask {
        boolean masks(long first, long second);
    }

    private Sparse() {}

    /** {@code mask_rows_sparse}: a masked row becomes empty. */
    public static List<List<Entry>> maskRows(boolean[] mask, List<List<Entry>> m) {
        return maskRows(mask, SparseMatrix.of(m)).entries();
    }

    static SparseMatrix maskRows(boolean[] mask, SparseMatrix m) {
        SparseMatrix out = SparseMatrix.withRows(m.rows());
        for (int i = 0; i < m.rows(); i++) {
            if (i >= mask.length || mask[i]) {
                out.setRow(i, SparseMatrix.NO_COLUMNS, SparseMatrix.NO_VALUES, 0);
            } else {
                out.shareRow(i, m, i);
            }
        }
        return out;
    }

    /**
     * {@code mask_diag_sparse} / {@code mask_diag_sparse_except_index}: drops self-weights, except the owner's
     * when {@code exceptIndex} is not negative.
     */
    public static List<List<Entry>> maskDiag(List<List<Entry>> m, int exceptIndex) {
        return maskDiag(SparseMatrix.of(m), exceptIndex).entries();
    }

    static SparseMatrix maskDiag(SparseMatrix m, int exceptIndex) {
        SparseMatrix out = SparseMatrix.withRows(m.rows());
        for (int i = 0; i < m.rows(); i++) {
            int[] c = m.cols[i];
            int dropped = 0;
            if (i != exceptIndex) {
                for (int col : c) {
                    if (col == i) {
                        dropped++;
                    }
                }
            }
            if (dropped == 0) {
                out.shareRow(i, m, i);
                continue;
            }
            int[] oc = new int[c.length - dropped];
            long[] ov = new long[c.length - dropped];
            int k = 0;
            for (int e = 0; e < c.length; e++) {
                if (c[e] != i) {
                    oc[k] = c[e];
                    ov[k++] = m.vals[i][e];
                }
            }
            out.cols[i] = oc;
            out.vals[i] = ov;
        }
        return out;
    }

    /** {@code vec_mask_sparse_matrix}: drops entry (i, j) where {@code mask(first[i], second[j])}. */
    public static List<List<Entry>> vecMask(List<List<Entry>> m, long[] first, long[] second, BlockMask mask) {
        return vecMask(SparseMatrix.of(m), first, second, mask).entries();
    }

    static SparseMatrix vecMask(SparseMatrix m, long[] first, long[] second, BlockMask mask) {
        SparseMatrix out = SparseMatrix.withRows(m.rows());
        for (int i = 0; i < m.rows(); i++) {
            long fv = i < first.length ? first[i] : 0;
            filterRow(out, m, i, fv, second, mask);
        }
        return out;
    }

    /** {@code scalar_vec_mask_sparse_matrix}: drops entry (i, j) where {@code mask(scalar, vector[j])}. */
    public static List<List<Entry>> scalarVecMask(List<List<Entry>> m, long scalar, long[] vector, BlockMask mask) {
        return scalarVecMask(SparseMatrix.of(m), scalar, vector, mask).entries();
    }

    static SparseMatrix scalarVecMask(SparseMatrix m, long scalar, long[] vector, BlockMask mask) {
        SparseMatrix out = SparseMatrix.withRows(m.rows());
        for (int i = 0; i < m.rows(); i++) {
            filterRow(out, m, i, scalar, vector, mask);
        }
        return out;
    }

    /** Row i of m without the entries where {@code mask(first, second[col])} (absent columns read 0). */
    private static void filterRow(SparseMatrix out, SparseMatrix m, int i, long first, long[] second, BlockMask mask) {
        int[] c = m.cols[i];
        int dropped = 0;
        for (int col : c) {
            if (mask.masks(first, col < second.length ? second[col] : 0)) {
                dropped++;
            }
        }
        if (dropped == 0) {
            out.shareRow(i, m, i);
            return;
        }
        int[] oc = new int[c.length - dropped];
        long[] ov = new long[c.length - dropped];
        int k = 0;
        for (int e = 0; e < c.length; e++) {
            if (!mask.masks(first, c[e] < second.length ? second[c[e]] : 0)) {
                oc[k] = c[e];
                ov[k++] = m.vals[i][e];
            }
        }
        out.cols[i] = oc;
        out.vals[i] = ov;
    }

    /** {@code inplace_row_normalize_sparse}: each row with a positive sum is divided by it. */
    public static List<List<Entry>> rowNormalize(List<List<Entry>> m) {
        return rowNormalize(SparseMatrix.of(m)).entries();
    }

    static SparseMatrix rowNormalize(SparseMatrix m) {
        SparseMatrix out = SparseMatrix.withRows(m.rows());
        for (int i = 0; i < m.rows(); i++) {
            long[] v = m.vals[i];
            long sum = 0;
            for (long x : v) {
                sum += x;
            }
            if (sum > 0) {
                long[] ov = new long[v.length];
                for (int k = 0; k < v.length; k++) {
                    ov[k] = I32F32.div(v[k], sum);
                }
                out.cols[i] = m.cols[i];
                out.vals[i] = ov;
            } else {
                out.shareRow(i, m, i);
            }
        }
        return out;
    }

    /** {@code row_sum_sparse}. */
    public static long[] rowSum(List<List<Entry>> m) {
        return rowSum(SparseMatrix.of(m));
    }

    static long[] rowSum(SparseMatrix m) {
        long[] out = new long[m.rows()];
        for (int i = 0; i < m.rows(); i++) {
            long sum = 0;
            for (long x : m.vals[i]) {
                sum += x;
            }
            out[i] = sum;
        }
        return out;
    }

    /**
     * {@code inplace_col_normalize_sparse}: each entry divided by its column's (saturating) sum where that sum is
     * not zero; columns at or beyond {@code columns} are left alone.
     */
    public static List<List<Entry>> colNormalize(List<List<Entry>> m, int columns) {
        return colNormalize(SparseMatrix.of(m), columns).entries();
    }

    static SparseMatrix colNormalize(SparseMatrix m, int columns) {
        long[] colSum = new long[columns];
        for (int i = 0; i < m.rows(); i++) {
            int[] c = m.cols[i];
            long[] v = m.vals[i];
            for (int k = 0; k < c.length; k++) {
                if (c[k] < columns) {
                    colSum[c[k]] = I32F32.add(colSum[c[k]], v[k]);
                }
            }
        }
        return mapByColumn(m, colSum, I32F32::div);
    }

    /** {@code inplace_col_max_upscale_sparse}: each entry divided by its column's maximum where that is not zero. */
    public static List<List<Entry>> colMaxUpscale(List<List<Entry>> m, int columns) {
        return colMaxUpscale(SparseMatrix.of(m), columns).entries();
    }

    static SparseMatrix colMaxUpscale(SparseMatrix m, int columns) {
        long[] colMax = new long[columns];
        for (int i = 0; i < m.rows(); i++) {
            int[] c = m.cols[i];
            long[] v = m.vals[i];
            for (int k = 0; k < c.length; k++) {
                if (c[k] < columns && colMax[c[k]] < v[k]) {
                    colMax[c[k]] = v[k];
                }
            }
        }
        return mapByColumn(m, colMax, I32F32::div);
    }

    private static SparseMatrix mapByColumn(SparseMatrix m, long[] byColumn, LongBinaryOperator op) {
        SparseMatrix out = SparseMatrix.withRows(m.rows());
        for (int i = 0; i < m.rows(); i++) {
            int[] c = m.cols[i];
            long[] v = m.vals[i];
            long[] ov = new long[v.length];
            for (int k = 0; k < c.length; k++) {
                long d = c[k] < byColumn.length ? byColumn[c[k]] : 0;
                ov[k] = d != 0 ? op.applyAsLong(v[k], d) : v[k];
            }
            out.cols[i] = c;
            out.vals[i] = ov;
        }
        return out;
    }

    /**
     * {@code col_clip_sparse}: an entry above its column's threshold becomes the threshold, unless the threshold
     * is 0 (or negative), in which case the entry is dropped; an entry at or below it is kept, zeros included.
     */
    public static List<List<Entry>> colClip(List<List<Entry>> m, long[] threshold) {
        return colClip(SparseMatrix.of(m), threshold).entries();
    }

    static SparseMatrix colClip(SparseMatrix m, long[] threshold) {
        SparseMatrix out = SparseMatrix.withRows(m.rows());
        for (int i = 0; i < m.rows(); i++) {
            int[] c = m.cols[i];
            long[] v = m.vals[i];
            int[] oc = new int[c.length];
            long[] ov = new long[c.length];
            int count = 0;
            for (int k = 0; k < c.length; k++) {
                long th = c[k] < threshold.length ? threshold[c[k]] : 0;
                if (th < v[k]) {
                    if (th > 0) {
                        oc[count] = c[k];
                        ov[count++] = th;
                    }
                } else {
                    oc[count] = c[k];
                    ov[count++] = v[k];
                }
            }
            if (count == c.length) {
                out.cols[i] = c;
                out.vals[i] = ov;
            } else {
                out.setRow(i, oc, ov, count);
            }
        }
        return out;
    }

    /** {@code matmul_sparse}: {@code result_j = Σ_i vector_i · m_ij} over {@code columns} columns. */
    public static long[] matmul(List<List<Entry>> m, long[] vector, int columns) {
        return matmul(SparseMatrix.of(m), vector, columns);
    }

    static long[] matmul(SparseMatrix m, long[] vector, int columns) {
        long[] result = new long[columns];
        for (int i = 0; i < m.rows(); i++) {
            long scale = i < vector.length ? vector[i] : 0;
            int[] c = m.cols[i];
            long[] v = m.vals[i];
            for (int k = 0; k < c.length; k++) {
                if (c[k] < columns) {
                    result[c[k]] = I32F32.add(result[c[k]], I32F32.mul(scale, v[k]));
                }
            }
        }
        return result;
    }

    /** {@code matmul_transpose_sparse}: {@code result_i = Σ_j vector_j · m_ij}. */
    public static long[] matmulTranspose(List<List<Entry>> m, long[] vector) {
        return matmulTranspose(SparseMatrix.of(m), vector);
    }

    static long[] matmulTranspose(SparseMatrix m, long[] vector) {
        long[] result = new long[m.rows()];
        for (int i = 0; i < m.rows(); i++) {
            int[] c = m.cols[i];
            long[] v = m.vals[i];
            long acc = 0;
            for (int k = 0; k < c.length; k++) {
                long x = c[k] < vector.length ? vector[c[k]] : 0;
                acc = I32F32.add(acc, I32F32.mul(x, v[k]));
            }
            result[i] = acc;
        }
        return result;
    }

    /** {@code row_hadamard_sparse}: row i scaled by {@code vector_i} (as many rows as both have). */
    public static List<List<Entry>> rowHadamard(List<List<Entry>> m, long[] vector) {
        return rowHadamard(SparseMatrix.of(m), vector).entries();
    }

    static SparseMatrix rowHadamard(SparseMatrix m, long[] vector) {
        SparseMatrix out = SparseMatrix.withRows(Math.min(m.rows(), vector.length));
        for (int i = 0; i < out.rows(); i++) {
            long[] v = m.vals[i];
            long[] ov = new long[v.length];
            for (int k = 0; k < v.length; k++) {
                ov[k] = I32F32.mul(v[k], vector[i]);
            }
            out.cols[i] = m.cols[i];
            out.vals[i] = ov;
        }
        return out;
    }

    /** {@code mat_vec_mul_sparse}: entry (i, j) times {@code vector_j}, keeping only non-zero products. */
    public static List<List<Entry>> matVecMul(List<List<Entry>> m, long[] vector) {
        return matVecMul(SparseMatrix.of(m), vector).entries();
    }

    static SparseMatrix matVecMul(SparseMatrix m, long[] vector) {
        SparseMatrix out = SparseMatrix.withRows(m.rows());
        for (int i = 0; i < m.rows(); i++) {
            int[] c = m.cols[i];
            long[] v = m.vals[i];
            int[] oc = new int[c.length];
            long[] ov = new long[c.length];
            int count = 0;
            for (int k = 0; k < c.length; k++) {
                if (c[k] < vector.length) {
                    long x = I32F32.mul(v[k], vector[c[k]]);
                    if (x != 0) {
                        oc[count] = c[k];
                        ov[count++] = x;
                    }
                }
            }
            out.setRow(i, oc, ov, count);
        }
        return out;
    }

    /**
     * {@code interpolate_sparse}: {@code m1 + ratio·(m2 − m1)}. Ratio 0 returns {@code m1} and ratio 1 returns
     * {@code m2} unchanged (zeros kept); anything between densifies each row and keeps only values above 0.
     */
    public static List<List<Entry>> interpolate(List<List<Entry>> m1, List<List<Entry>> m2, int columns, long ratio) {
        return interpolate(SparseMatrix.of(m1), SparseMatrix.of(m2), columns, ratio)
                .entries();
    }

    static SparseMatrix interpolate(SparseMatrix m1, SparseMatrix m2, int columns, long ratio) {
        if (ratio == 0) {
            return m1;
        }
        if (ratio == I32F32.ONE) {
            return m2;
        }
        if (m1.rows() != m2.rows()) {
            return m2;
        }
        SparseMatrix out = SparseMatrix.withRows(m1.rows());
        int[] oc = new int[columns];
        long[] ov = new long[columns];
        for (int i = 0; i < m1.rows(); i++) {
            if (m1.cols[i].length == 0 && m2.cols[i].length == 0) {
                // 0 + ratio·(0 − 0) = 0 in every column: nothing above 0 (a miner's row, without a dense pass).
                out.setRow(i, oc, ov, 0);
                continue;
            }
            long[] row1 = dense(m1, i, columns);
            long[] row2 = dense(m2, i, columns);
            int count = 0;
            for (int j = 0; j < columns; j++) {
                long v = I32F32.add(row1[j], I32F32.mul(ratio, I32F32.sub(row2[j], row1[j])));
                if (v > 0) {
                    oc[count] = j;
                    ov[count++] = v;
                }
            }
            out.setRow(i, oc, ov, count);
        }
        return out;
    }

    /**
     * {@code mat_ema_sparse}: {@code α·new + (1−α)·old} over a square matrix of {@code new.size()} columns, with
     * absent entries counted as 0 (so an old bond without a new weight decays), keeping only values above 0.
     */
    public static List<List<Entry>> matEma(List<List<Entry>> next, List<List<Entry>> old, long alpha) {
        return matEma(SparseMatrix.of(next), SparseMatrix.of(old), alpha).entries();
    }

    static SparseMatrix matEma(SparseMatrix next, SparseMatrix old, long alpha) {
        int n = next.rows();
        long oneMinusAlpha = I32F32.sub(I32F32.ONE, alpha);
        SparseMatrix out = SparseMatrix.withRows(n);
        // One dense accumulator for every row, cleared through the columns a row touched: most rows of a subnet
        // (the miners') are empty, and the Rust loop's dense row is only ever non-zero at those columns.
        long[] acc = new long[n];
        boolean[] touched = new boolean[n];
        int[] columns = new int[n];
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            int count = accumulate(next.cols[i], next.vals[i], alpha, n, acc, touched, columns, 0);
            if (i < old.rows()) {
                count = accumulate(old.cols[i], old.vals[i], oneMinusAlpha, n, acc, touched, columns, count);
            }
            if (count > 1 && !ascending(columns, count)) {
                Arrays.sort(columns, 0, count);
            }
            int kept = 0;
            for (int k = 0; k < count; k++) {
                int c = columns[k];
                if (acc[c] > 0) {
                    columns[kept] = c;
                    values[kept++] = acc[c];
                }
                acc[c] = 0;
                touched[c] = false;
            }
            out.setRow(i, columns, values, kept);
        }
        return out;
    }

    /** Adds {@code factor·v} of each entry below column n into the accumulator, listing each new column once. */
    private static int accumulate(
            int[] c, long[] v, long factor, int n, long[] acc, boolean[] touched, int[] columns, int count) {
        int listed = count;
        for (int k = 0; k < c.length; k++) {
            int col = c[k];
            if (col < n) {
                if (!touched[col]) {
                    touched[col] = true;
                    columns[listed++] = col;
                }
                acc[col] = I32F32.add(acc[col], I32F32.mul(factor, v[k]));
            }
        }
        return listed;
    }

    /**
     * {@code mat_ema_alpha_sparse}: the per-entry-alpha EMA of Yuma3 with liquid alpha. It emits only the columns
     * present in the <em>new</em> row: an old bond whose column is absent there is dropped, not decayed (the last
     * subcase of subtensor's {@code test_math_sparse_mat_ema_alpha} asserts this).
     */
    public static List<List<Entry>> matEmaAlpha(List<List<Entry>> next, List<List<Entry>> old, long[][] alpha) {
        return matEmaAlpha(SparseMatrix.of(next), SparseMatrix.of(old), alpha).entries();
    }

    static SparseMatrix matEmaAlpha(SparseMatrix next, SparseMatrix old, long[][] alpha) {
        if (next.rows() != old.rows() || next.rows() != alpha.length) {
            return next;
        }
        SparseMatrix out = SparseMatrix.withRows(next.rows());
        // One buffer of decayed old bonds for every row, cleared at the columns the row wrote.
        long[] decayed = new long[0];
        for (int i = 0; i < next.rows(); i++) {
            long[] alphaRow = alpha[i];
            if (decayed.length < alphaRow.length) {
                decayed = new long[alphaRow.length];
            }
            int[] oldCols = old.cols[i];
            for (int k = 0; k < oldCols.length; k++) {
                if (oldCols[k] < alphaRow.length) {
                    decayed[oldCols[k]] = I32F32.mul(I32F32.sub(I32F32.ONE, alphaRow[oldCols[k]]), old.vals[i][k]);
                }
            }
            int[] c = next.cols[i];
            long[] v = next.vals[i];
            int[] oc = new int[c.length];
            long[] ov = new long[c.length];
            int count = 0;
            for (int k = 0; k < c.length; k++) {
                if (c[k] < alphaRow.length) {
                    long inc = Math.max(I32F32.mul(alphaRow[c[k]], v[k]), 0);
                    long x = Math.min(I32F32.add(decayed[c[k]], inc), I32F32.ONE);
                    if (x > 0) {
                        oc[count] = c[k];
                        ov[count++] = x;
                    }
                }
            }
            out.setRow(i, oc, ov, count);
            for (int col : oldCols) {
                if (col < alphaRow.length) {
                    decayed[col] = 0;
                }
            }
        }
        return out;
    }

    /** The row as a dense vector of {@code columns} values (later duplicates win, as in the Rust loops). */
    public static long[] dense(List<Entry> row, int columns) {
        long[] d = new long[columns];
        for (Entry e : row) {
            if (e.col() < columns) {
                d[e.col()] = e.value();
            }
        }
        return d;
    }

    private static long[] dense(SparseMatrix m, int i, int columns) {
        long[] d = new long[columns];
        int[] c = m.cols[i];
        for (int k = 0; k < c.length; k++) {
            if (c[k] < columns) {
                d[c[k]] = m.vals[i][k];
            }
        }
        return d;
    }

    private static boolean ascending(int[] x, int count) {
        for (int k = 1; k < count; k++) {
            if (x[k] <= x[k - 1]) {
                return false;
            }
        }
        return true;
    }
}
