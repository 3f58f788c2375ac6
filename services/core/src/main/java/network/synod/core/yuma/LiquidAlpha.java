package network.synod.core.yuma;

import java.util.List;

/**
 * Yuma3's liquid alpha: a per-(validator, miner) EMA rate from a sigmoid of how far the validator's weight runs
 * ahead of consensus (buying) or its bond runs ahead of its weight (selling). {@code run_epoch.rs}'s
 * {@code alpha_sigmoid} and {@code compute_liquid_alpha_values_sparse}.
 */
public final class LiquidAlpha {

    private static final long HALF = I32F32.ONE / 2;
    private static final long MINUS_100 = I32F32.fromInt(-100);

    private LiquidAlpha() {}

    /**
     * {@code alpha_sigmoid}: {@code low + (high − low) / (1 + exp_safe((steepness ÷ −100)·(diff − 0.5)))},
     * clamped to [low, high]; the two divisions are {@code saturating_div}, truncating toward zero.
     */
    public static long sigmoid(long consensus, long weight, long bond, long low, long high, long steepness) {
        long diffBuy = I32F32.clamp(I32F32.sub(weight, consensus), 0, I32F32.ONE);
        long diffSell = I32F32.clamp(I32F32.sub(bond, weight), 0, I32F32.ONE);
        long diff = weight >= bond ? diffBuy : diffSell;
        long exponent = I32F32.mul(I32F32.saturatingDiv(steepness, MINUS_100), I32F32.sub(diff, HALF));
        long sigmoid = I32F32.saturatingDiv(I32F32.ONE, I32F32.add(I32F32.ONE, I32F32.expSafe(exponent)));
        long alpha = I32F32.add(low, I32F32.mul(sigmoid, I32F32.sub(high, low)));
        return I32F32.clamp(alpha, low, high);
    }

    /**
     * {@code compute_liquid_alpha_values_sparse}: a dense alpha for every row and every column of
     * {@code consensus}. Each row is walked with a forward-only cursor, so it assumes the weights and bonds rows
     * are sorted by column (an unsorted row finds the wrong entries, as in subtensor). The sigmoid is a pure
     * function, so where a row has neither weight nor bond it is computed once per column: rows with no entries at
     * all (a subnet's miners) share that one row, which must not be modified.
     */
    public static long[][] values(
            List<List<Entry>> weights, List<List<Entry>> bonds, long[] consensus, long low, long high, long steepness) {
        return values(SparseMatrix.of(weights), SparseMatrix.of(bonds), consensus, low, high, steepness);
    }

    static long[][] values(
            SparseMatrix weights, SparseMatrix bonds, long[] consensus, long low, long high, long steepness) {
        if (weights.rows() != bonds.rows()) {
            return new long[0][];
        }
        long[][] alphas = new long[weights.rows()][];
        long[] neither = new long[consensus.length];
        for (int j = 0; j < consensus.length; j++) {
            neither[j] = sigmoid(consensus[j], 0, 0, low, high, steepness);
        }
        for (int i = 0; i < weights.rows(); i++) {
            int[] wc = weights.cols[i];
            long[] wv = weights.vals[i];
            int[] bc = bonds.cols[i];
            long[] bv = bonds.vals[i];
            if (wc.length == 0 && bc.length == 0) {
                alphas[i] = neither;
                continue;
            }
            int wi = 0;
            int bi = 0;
            long[] row = new long[consensus.length];
            for (int j = 0; j < consensus.length; j++) {
                long weight = 0;
                while (wi < wc.length) {
                    if (wc[wi] < j) {
                        wi++;
                    } else {
                        if (wc[wi] == j) {
                            weight = wv[wi];
                        }
                        break;
                    }
                }
                long bond = 0;
                while (bi < bc.length) {
                    if (bc[bi] < j) {
                        bi++;
                    } else {
                        if (bc[bi] == j) {
                            bond = bv[bi];
                        }
                        break;
                    }
                }
                row[j] = weight == 0 && bond == 0
                        ? neither[j]
                        : sigmoid(consensus[j], weight, bond, low, high, steepness);
            }
            alphas[i] = row;
        }
        return alphas;
    }
}
