package network.synod.core.yuma;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongBinaryOperator;

/**
 * The sparse-matrix functions of subtensor's {@code epoch/math.rs} that the production epoch
 * ({@code epoch_mechanism}) calls, on rows of {@link Entry}. Each keeps the Rust function's treatment of absent
 * columns and explicit zeros, because which columns are present changes later steps (README, "Sparse structure
 * matters"). Inputs are never modified; a row that a function leaves unchanged may come back as the same list (no caller
 * modifies a row it was given).
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
        List<List<Entry>> out = new ArrayList<>(m.size());
        for (int i = 0; i < m.size(); i++) {
            out.add(i >= mask.length || mask[i] ? List.of() : m.get(i));
        }
        return out;
    }

    /**
     * {@code mask_diag_sparse} / {@code mask_diag_sparse_except_index}: drops self-weights, except the owner's
     * when {@code exceptIndex} is not negative.
     */
    public static List<List<Entry>> maskDiag(List<List<Entry>> m, int exceptIndex) {
        List<List<Entry>> out = new ArrayList<>(m.size());
        for (int i = 0; i < m.size(); i++) {
            List<Entry> r = m.get(i);
            if (i == exceptIndex || !hasColumn(r, i)) {
                out.add(r);
                continue;
            }
            List<Entry> row = new ArrayList<>(r.size());
            for (Entry e : r) {
                if (e.col() != i) {
                    row.add(e);
                }
            }
            out.add(row);
        }
        return out;
    }

    /** {@code vec_mask_sparse_matrix}: drops entry (i, j) where {@code mask(first[i], second[j])}. */
    public static List<List<Entry>> vecMask(List<List<Entry>> m, long[] first, long[] second, BlockMask mask) {
        List<List<Entry>> out = new ArrayList<>(m.size());
        for (int i = 0; i < m.size(); i++) {
            long fv = i < first.length ? first[i] : 0;
            List<Entry> r = m.get(i);
            int dropped = 0;
            for (Entry e : r) {
                long sv = e.col() < second.length ? second[e.col()] : 0;
                if (mask.masks(fv, sv)) {
                    dropped++;
                }
            }
            if (dropped == 0) {
                out.add(r);
                continue;
            }
            List<Entry> row = new ArrayList<>(r.size() - dropped);
            for (Entry e : r) {
                long sv = e.col() < second.length ? second[e.col()] : 0;
                if (!mask.masks(fv, sv)) {
                    row.add(e);
                }
            }
            out.add(row);
        }
        return out;
    }

    /** {@code scalar_vec_mask_sparse_matrix}: drops entry (i, j) where {@code mask(scalar, vector[j])}. */
    public static List<List<Entry>> scalarVecMask(List<List<Entry>> m, long scalar, long[] vector, BlockMask mask) {
        List<List<Entry>> out = new ArrayList<>(m.size());
        for (List<Entry> r : m) {
            int dropped = 0;
            for (Entry e : r) {
                long vj = e.col() < vector.length ? vector[e.col()] : 0;
                if (mask.masks(scalar, vj)) {
                    dropped++;
                }
            }
            if (dropped == 0) {
                out.add(r);
                continue;
            }
            List<Entry> row = new ArrayList<>(r.size() - dropped);
            for (Entry e : r) {
                long vj = e.col() < vector.length ? vector[e.col()] : 0;
                if (!mask.masks(scalar, vj)) {
                    row.add(e);
                }
            }
            out.add(row);
        }
        return out;
    }

    /** {@code inplace_row_normalize_sparse}: each row with a positive sum is divided by it. */
    public static List<List<Entry>> rowNormalize(List<List<Entry>> m) {
        List<List<Entry>> out = new ArrayList<>(m.size());
        for (List<Entry> r : m) {
            long sum = 0;
            for (Entry e : r) {
                sum += e.value();
            }
            if (sum > 0) {
                List<Entry> row = new ArrayList<>(r.size());
                for (Entry e : r) {
                    row.add(new Entry(e.col(), I32F32.div(e.value(), sum)));
                }
                out.add(row);
            } else {
                out.add(r);
            }
        }
        return out;
    }

    /** {@code row_sum_sparse}. */
    public static long[] rowSum(List<List<Entry>> m) {
        long[] out = new long[m.size()];
        for (int i = 0; i < m.size(); i++) {
            long sum = 0;
            for (Entry e : m.get(i)) {
                sum += e.value();
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
        long[] colSum = new long[columns];
        for (List<Entry> r : m) {
            for (Entry e : r) {
                if (e.col() < columns) {
                    colSum[e.col()] = I32F32.add(colSum[e.col()], e.value());
                }
            }
        }
        return mapByColumn(m, colSum, I32F32::div);
    }

    /** {@code inplace_col_max_upscale_sparse}: each entry divided by its column's maximum where that is not zero. */
    public static List<List<Entry>> colMaxUpscale(List<List<Entry>> m, int columns) {
        long[] colMax = new long[columns];
        for (List<Entry> r : m) {
            for (Entry e : r) {
                if (e.col() < columns && colMax[e.col()] < e.value()) {
                    colMax[e.col()] = e.value();
                }
            }
        }
        return mapByColumn(m, colMax, I32F32::div);
    }

    private static List<List<Entry>> mapByColumn(List<List<Entry>> m, long[] byColumn, LongBinaryOperator op) {
        List<List<Entry>> out = new ArrayList<>(m.size());
        for (List<Entry> r : m) {
            List<Entry> row = new ArrayList<>(r.size());
            for (Entry e : r) {
                long d = e.col() < byColumn.length ? byColumn[e.col()] : 0;
                row.add(d != 0 ? new Entry(e.col(), op.applyAsLong(e.value(), d)) : e);
            }
            out.add(row);
        }
        return out;
    }

    /**
     * {@code col_clip_sparse}: an entry above its column's threshold becomes the threshold, unless the threshold
     * is 0 (or negative), in which case the entry is dropped; an entry at or below it is kept, zeros included.
     */
    public static List<List<Entry>> colClip(List<List<Entry>> m, long[] threshold) {
        List<List<Entry>> out = new ArrayList<>(m.size());
        for (List<Entry> r : m) {
            List<Entry> row = new ArrayList<>(r.size());
            for (Entry e : r) {
                long th = e.col() < threshold.length ? threshold[e.col()] : 0;
                if (th < e.value()) {
                    if (th > 0) {
                        row.add(new Entry(e.col(), th));
                    }
                } else {
                    row.add(e);
                }
            }
            out.add(row);
        }
        return out;
    }

    /** {@code matmul_sparse}: {@code result_j = Σ_i vector_i · m_ij} over {@code columns} columns. */
    public static long[] matmul(List<List<Entry>> m, long[] vector, int columns) {
        long[] result = new long[columns];
        for (int i = 0; i < m.size(); i++) {
            long scale = i < vector.length ? vector[i] : 0;
            for (Entry e : m.get(i)) {
                if (e.col() < columns) {
                    result[e.col()] = I32F32.add(result[e.col()], I32F32.mul(scale, e.value()));
                }
            }
        }
        return result;
    }

    /** {@code matmul_transpose_sparse}: {@code result_i = Σ_j vector_j · m_ij}. */
    public static long[] matmulTranspose(List<List<Entry>> m, long[] vector) {
        long[] result = new long[m.size()];
        for (int i = 0; i < m.size(); i++) {
            long acc = 0;
            for (Entry e : m.get(i)) {
                long v = e.col() < vector.length ? vector[e.col()] : 0;
                acc = I32F32.add(acc, I32F32.mul(v, e.value()));
            }
            result[i] = acc;
        }
        return result;
    }

    /** {@code row_hadamard_sparse}: row i scaled by {@code vector_i}. */
    public static List<List<Entry>> rowHadamard(List<List<Entry>> m, long[] vector) {
        List<List<Entry>> out = new ArrayList<>(m.size());
        for (int i = 0; i < m.size() && i < vector.length; i++) {
            List<Entry> row = new ArrayList<>(m.get(i).size());
            for (Entry e : m.get(i)) {
                row.add(new Entry(e.col(), I32F32.mul(e.value(), vector[i])));
            }
            out.add(row);
        }
        return out;
    }

    /** {@code mat_vec_mul_sparse}: entry (i, j) times {@code vector_j}, keeping only non-zero products. */
    public static List<List<Entry>> matVecMul(List<List<Entry>> m, long[] vector) {
        List<List<Entry>> out = new ArrayList<>(m.size());
        for (List<Entry> r : m) {
            List<Entry> row = new ArrayList<>(r.size());
            for (Entry e : r) {
                if (e.col() < vector.length) {
                    long v = I32F32.mul(e.value(), vector[e.col()]);
                    if (v != 0) {
                        row.add(new Entry(e.col(), v));
                    }
                }
            }
            out.add(row);
        }
        return out;
    }

    /**
     * {@code interpolate_sparse}: {@code m1 + ratio·(m2 − m1)}. Ratio 0 returns {@code m1} and ratio 1 returns
     * {@code m2} unchanged (zeros kept); anything between densifies each row and keeps only values above 0.
     */
    public static List<List<Entry>> interpolate(List<List<Entry>> m1, List<List<Entry>> m2, int columns, long ratio) {
        if (ratio == 0) {
            return m1;
        }
        if (ratio == I32F32.ONE) {
            return m2;
        }
        if (m1.size() != m2.size()) {
            return m2;
        }
        List<List<Entry>> out = new ArrayList<>(m1.size());
        for (int i = 0; i < m1.size(); i++) {
            long[] row1 = dense(m1.get(i), columns);
            long[] row2 = dense(m2.get(i), columns);
            List<Entry> row = new ArrayList<>();
            for (int j = 0; j < columns; j++) {
                long v = I32F32.add(row1[j], I32F32.mul(ratio, I32F32.sub(row2[j], row1[j])));
                if (v > 0) {
                    row.add(new Entry(j, v));
                }
            }
            out.add(row);
        }
        return out;
    }

    /**
     * {@code mat_ema_sparse}: {@code α·new + (1−α)·old} over a square matrix of {@code new.size()} columns, with
     * absent entries counted as 0 (so an old bond without a new weight decays), keeping only values above 0.
     */
    public static List<List<Entry>> matEma(List<List<Entry>> next, List<List<Entry>> old, long alpha) {
        int n = next.size();
        long oneMinusAlpha = I32F32.sub(I32F32.ONE, alpha);
        List<List<Entry>> out = new ArrayList<>(n);
        // One dense accumulator for every row, cleared through the columns a row touched: most rows of a subnet
        // (the miners') are empty, and the Rust loop's dense row is only ever read at those columns.
        long[] acc = new long[n];
        boolean[] touched = new boolean[n];
        int[] columns = new int[n];
        for (int i = 0; i < n; i++) {
            int count = 0;
            for (Entry e : next.get(i)) {
                int c = e.col();
                if (c < n) {
                    if (!touched[c]) {
                        touched[c] = true;
                        columns[count++] = c;
                    }
                    acc[c] = I32F32.add(acc[c], I32F32.mul(alpha, e.value()));
                }
            }
            if (i < old.size()) {
                for (Entry e : old.get(i)) {
                    int c = e.col();
                    if (c < n) {
                        if (!touched[c]) {
                            touched[c] = true;
                            columns[count++] = c;
                        }
                        acc[c] = I32F32.add(acc[c], I32F32.mul(oneMinusAlpha, e.value()));
                    }
                }
            }
            out.add(positive(acc, touched, columns, count));
        }
        return out;
    }

    /**
     * {@code mat_ema_alpha_sparse}: the per-entry-alpha EMA of Yuma3 with liquid alpha. It emits only the columns
     * present in the <em>new</em> row: an old bond whose column is absent there is dropped, not decayed (the last
     * subcase of subtensor's {@code test_math_sparse_mat_ema_alpha} asserts this).
     */
    public static List<List<Entry>> matEmaAlpha(List<List<Entry>> next, List<List<Entry>> old, long[][] alpha) {
        if (next.size() != old.size() || next.size() != alpha.length) {
            return next;
        }
        List<List<Entry>> out = new ArrayList<>(next.size());
        for (int i = 0; i < next.size(); i++) {
            long[] alphaRow = alpha[i];
            long[] decayed = new long[alphaRow.length];
            for (Entry e : old.get(i)) {
                if (e.col() < alphaRow.length) {
                    decayed[e.col()] = I32F32.mul(I32F32.sub(I32F32.ONE, alphaRow[e.col()]), e.value());
                }
            }
            List<Entry> row = new ArrayList<>();
            for (Entry e : next.get(i)) {
                if (e.col() < alphaRow.length) {
                    long inc = Math.max(I32F32.mul(alphaRow[e.col()], e.value()), 0);
                    long v = Math.min(I32F32.add(decayed[e.col()], inc), I32F32.ONE);
                    if (v > 0) {
                        row.add(new Entry(e.col(), v));
                    }
                }
            }
            out.add(row);
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

    /**
     * The positive entries of a dense accumulator in ascending column order, read only at the {@code count}
     * columns listed (each once); those columns are cleared for the next row.
     */
    private static List<Entry> positive(long[] acc, boolean[] touched, int[] columns, int count) {
        if (count > 1 && !ascending(columns, count)) {
            Arrays.sort(columns, 0, count);
        }
        List<Entry> row = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            int c = columns[k];
            if (acc[c] > 0) {
                row.add(new Entry(c, acc[c]));
            }
            acc[c] = 0;
            touched[c] = false;
        }
        return row;
    }

    private static boolean ascending(int[] x, int count) {
        for (int k = 1; k < count; k++) {
            if (x[k] <= x[k - 1]) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasColumn(List<Entry> row, int column) {
        for (Entry e : row) {
            if (e.col() == column) {
                return true;
            }
        }
        return false;
    }
}
