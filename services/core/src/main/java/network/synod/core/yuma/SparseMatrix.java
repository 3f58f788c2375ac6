package network.synod.core.yuma;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A sparse matrix as the epoch works on it: row i holds the columns {@code cols[i]} and the I32F32 bits
 * {@code vals[i]}, in the order {@link Entry} rows would hold them (explicit zeros kept). Two arrays per row
 * instead of an object per entry: a 4,096-uid epoch moves a quarter of a million entries through a dozen steps.
 * Never modified once built, so steps share the rows they leave unchanged.
 */
final class SparseMatrix {

    static final int[] NO_COLUMNS = {};
    static final long[] NO_VALUES = {};

    final int[][] cols;
    final long[][] vals;

    SparseMatrix(int[][] cols, long[][] vals) {
        this.cols = cols;
        this.vals = vals;
    }

    /** A matrix of {@code rows} rows to fill. */
    static SparseMatrix withRows(int rows) {
        return new SparseMatrix(new int[rows][], new long[rows][]);
    }

    int rows() {
        return cols.length;
    }

    /** Sets row {@code i} to the first {@code count} entries of the two buffers (copied, trimmed). */
    void setRow(int i, int[] c, long[] v, int count) {
        if (count == 0) {
            cols[i] = NO_COLUMNS;
            vals[i] = NO_VALUES;
        } else {
            cols[i] = Arrays.copyOf(c, count);
            vals[i] = Arrays.copyOf(v, count);
        }
    }

    /** Shares row {@code i} of {@code from}. */
    void shareRow(int i, SparseMatrix from, int j) {
        cols[i] = from.cols[j];
        vals[i] = from.vals[j];
    }

    static SparseMatrix of(List<List<Entry>> m) {
        SparseMatrix out = withRows(m.size());
        for (int i = 0; i < m.size(); i++) {
            List<Entry> row = m.get(i);
            int[] c = new int[row.size()];
            long[] v = new long[row.size()];
            for (int k = 0; k < c.length; k++) {
                c[k] = row.get(k).col();
                v[k] = row.get(k).value();
            }
            out.cols[i] = c;
            out.vals[i] = v;
        }
        return out;
    }

    /** The same matrix as rows of {@link Entry}. */
    List<List<Entry>> entries() {
        List<List<Entry>> out = new ArrayList<>(rows());
        for (int i = 0; i < rows(); i++) {
            out.add(row(i));
        }
        return out;
    }

    /** Row {@code i} as entries. */
    List<Entry> row(int i) {
        List<Entry> row = new ArrayList<>(cols[i].length);
        for (int k = 0; k < cols[i].length; k++) {
            row.add(new Entry(cols[i][k], vals[i][k]));
        }
        return row;
    }
}
