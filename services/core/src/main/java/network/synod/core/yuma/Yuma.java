package network.synod.core.yuma;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * One Yuma consensus epoch, as subtensor's production {@code epoch_mechanism} (the sparse path of
 * {@code epoch/run_epoch.rs}) computes it: stake and permits, weights masked and row-normalised, the
 * stake-weighted median consensus, clipping, incentive, bonds (classic or Yuma3) and dividends, and the split of
 * the emission. Every step is exact I32F32 arithmetic ({@link I32F32}), so the stored values match the chain's
 * bit for bit. Commit-reveal is off: its column mask is not applied.
 */
public final class Yuma {

    private static final BigInteger MILLION = BigInteger.valueOf(1_000_000);
    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private Yuma() {}

    /** The epoch at {@code currentBlock} distributing {@code raoEmission}, without a trace. */
    public static EpochResult epoch(YumaParams p, SubnetState s, long currentBlock, long raoEmission) {
        return epoch(p, s, currentBlock, raoEmission, EpochTrace.NONE);
    }

    /** The epoch at {@code currentBlock}, reporting its intermediate values to {@code trace}. */
    public static EpochResult epoch(
            YumaParams p, SubnetState s, long currentBlock, long raoEmission, EpochTrace trace) {
        if (raoEmission < 0) {
            throw new IllegalArgumentException("rao_emission is a u64 below 2^63, got " + raoEmission);
        }
        int n = s.n();
        int owner = p.ownerUid().orElse(-1);
        trace.record("Number of Neurons in Network", (long) n);

        // Activity: a uid that has not set weights within the cutoff votes with no stake.
        long cutoff = p.activityCutoffBlocks();
        long[] lastUpdate = s.lastUpdate();
        boolean[] inactive = new boolean[n];
        for (int i = 0; i < n; i++) {
            inactive[i] = lastUpdate[i] + cutoff < currentBlock;
        }
        long[] registered = s.blockAtRegistration();

        // Stake: below the threshold counts as 0 (not for the owner); normalised in I64F64, floored to I32F32.
        long[] filtered = s.stake();
        for (int i = 0; i < n; i++) {
            if (i != owner && filtered[i] < p.stakeThreshold()) {
                filtered[i] = 0;
            }
        }
        long[] stake = Vectors.normalizeStake(filtered);
        trace.record("Normalised Stake", stake);

        // Permits: the stored ones decide whose weights count now; the top-k by stake are the next ones.
        boolean[] permits = s.validatorPermit();
        if (owner >= 0 && owner < n) {
            permits[owner] = true;
        }
        trace.record("validator_permits", permits.clone());
        boolean[] forbids = not(permits);
        boolean[] newPermits = Vectors.topkNonzero(stake, p.maxAllowedValidators());
        if (owner >= 0 && owner < n) {
            newPermits[owner] = true;
        }
        trace.record("new_validator_permits", newPermits.clone());

        long[] activeStake = Vectors.normalize(Vectors.mask(forbids, Vectors.mask(inactive, stake)));
        trace.record("Active Stake", activeStake);

        // Weights: u16 as whole numbers (the 1/65535 cancels in the row normalisation).
        SparseMatrix weights = fixedRows(s, n, true, false);
        record(trace, "Weights", weights);
        weights = Sparse.maskRows(forbids, weights);
        record(trace, "Weights (permit)", weights);
        weights = Sparse.maskDiag(weights, owner);
        record(trace, "Weights (permit+diag)", weights);
        // A weight set before its target (re)registered points at someone else.
        weights = Sparse.vecMask(weights, lastUpdate, registered, (updated, reg) -> updated <= reg);
        record(trace, "Weights (permit+diag+outdate)", weights);
        weights = Sparse.rowNormalize(weights);
        record(trace, "Weights (mask+norm)", weights);

        // Consensus, clipping, validator trust, incentive.
        long kappa = I32F32.fromU16Proportion(p.kappa());
        long[] consensus = WeightedMedian.ofColumns(activeStake, weights, n, kappa);
        trace.record("Consensus", consensus);
        SparseMatrix clipped = Sparse.colClip(weights, consensus);
        record(trace, "Clipped Weights", clipped);
        long[] validatorTrust = Sparse.rowSum(clipped);
        trace.record("Validator Trust", validatorTrust);
        long[] incentive = Vectors.normalize(Sparse.matmul(clipped, activeStake, n));
        trace.record("Incentive (=Rank)", incentive);

        // Bonds and dividends.
        long bondsPenalty = I32F32.fromU16Proportion(p.bondsPenalty());
        SparseMatrix weightsForBonds = Sparse.interpolate(weights, clipped, n, bondsPenalty);
        long lastTempo = p.lastMechanismStepBlock() == 0
                ? Math.max(0, currentBlock - p.tempo())
                : p.lastMechanismStepBlock() + 1;
        Bonds bonds = p.yuma3()
                ? yuma3Bonds(p, s, n, weightsForBonds, consensus, incentive, activeStake, lastTempo, registered, trace)
                : classicBonds(p, s, n, weightsForBonds, incentive, activeStake, lastTempo, registered, trace);
        long[] dividends = bonds.dividends();
        trace.record("Dividends", dividends);

        // Emission: incentive to servers, dividends to validators, both over their common sum.
        long[] combined = new long[n];
        for (int i = 0; i < n; i++) {
            combined[i] = I32F32.add(incentive[i], dividends[i]);
        }
        long emissionSum = Vectors.sum(combined);
        long[] serverShare = Vectors.normalizeUsingSum(incentive, emissionSum);
        long[] validatorShare = Vectors.normalizeUsingSum(dividends, emissionSum);
        long[] combinedShare = Vectors.normalize(combined);
        if (emissionSum == 0) {
            // No weights, outdated weights or only self-weights: emission follows stake.
            long[] fallback = Vectors.sum(activeStake) == 0 ? stake : activeStake;
            validatorShare = fallback.clone();
            combinedShare = fallback.clone();
        }
        trace.record("Normalized Server Emission", serverShare);
        trace.record("Normalized Validator Emission", validatorShare);
        trace.record("Normalized Combined Emission", combinedShare);

        List<List<Stored>> storedBonds = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            SparseMatrix store = bonds.toStore();
            if (newPermits[i] && i < store.rows()) {
                int[] c = store.cols[i];
                long[] v = store.vals[i];
                Stored[] row = new Stored[c.length];
                for (int k = 0; k < c.length; k++) {
                    row[k] = new Stored(c[k], I32F32.proportionToU16(v[k]));
                }
                storedBonds.add(List.of(row));
            } else {
                storedBonds.add(List.of());
            }
        }
        return new EpochResult(
                currentBlock,
                newPermits,
                stake,
                consensus,
                incentive,
                dividends,
                validatorTrust,
                rao(combinedShare, raoEmission),
                rao(serverShare, raoEmission),
                rao(validatorShare, raoEmission),
                List.copyOf(storedBonds));
    }

    /** The dividends and the bonds matrix to store ({@code fixed_proportion_to_u16} of each entry). */
    private record Bonds(long[] dividends, SparseMatrix toStore) {}

    /**
     * Classic Yuma: stored bonds (u16 as whole numbers) masked and column-normalised; ΔB = W∘S column-normalised;
     * the EMA with α = 1 − bma; dividends = EMA · incentive; stored column-max-upscaled.
     */
    private static Bonds classicBonds(
            YumaParams p,
            SubnetState s,
            int n,
            SparseMatrix weightsForBonds,
            long[] incentive,
            long[] activeStake,
            long lastTempo,
            long[] registered,
            EpochTrace trace) {
        SparseMatrix bonds = fixedRows(s, n, false, false);
        record(trace, "B", bonds);
        bonds = maskRecentlyRegistered(bonds, lastTempo, registered);
        record(trace, "B (outdatedmask)", bonds);
        bonds = Sparse.colNormalize(bonds, n);
        record(trace, "B (mask+norm)", bonds);
        SparseMatrix delta = Sparse.rowHadamard(weightsForBonds, activeStake);
        record(trace, "ΔB", delta);
        delta = Sparse.colNormalize(delta, n);
        record(trace, "ΔB (norm)", delta);
        SparseMatrix ema = Sparse.colNormalize(Sparse.matEma(delta, bonds, fixedAlpha(p)), n);
        record(trace, "Exponential Moving Average Bonds", ema);
        long[] dividends = Vectors.normalize(Sparse.matmulTranspose(ema, incentive));
        return new Bonds(dividends, Sparse.colMaxUpscale(ema, n));
    }

    /**
     * Yuma3: stored bonds read back as proportions (u16/65535) and masked; the EMA with liquid alpha when it is on
     * and any consensus is non-zero, else with α = 1 − bma; dividends from each validator's bonds times incentive,
     * weighted by active stake; the raw EMA is stored.
     */
    private static Bonds yuma3Bonds(
            YumaParams p,
            SubnetState s,
            int n,
            SparseMatrix weightsForBonds,
            long[] consensus,
            long[] incentive,
            long[] activeStake,
            long lastTempo,
            long[] registered,
            EpochTrace trace) {
        SparseMatrix bonds = fixedRows(s, n, false, true);
        record(trace, "Bonds", bonds);
        bonds = maskRecentlyRegistered(bonds, lastTempo, registered);
        record(trace, "Bonds: (mask)", bonds);
        record(trace, "weights_for_bonds", weightsForBonds);
        SparseMatrix ema;
        if (p.liquidAlpha() && anyNonZero(consensus)) {
            long[][] alphas = LiquidAlpha.values(
                    weightsForBonds,
                    bonds,
                    consensus,
                    I32F32.fromU16Proportion(p.alphaLow()),
                    I32F32.fromU16Proportion(p.alphaHigh()),
                    I32F32.fromInt(p.alphaSigmoidSteepness()));
            ema = Sparse.matEmaAlpha(weightsForBonds, bonds, alphas);
        } else {
            ema = Sparse.matEma(weightsForBonds, bonds, fixedAlpha(p));
        }
        record(trace, "emaB", ema);
        SparseMatrix emaNorm = Sparse.colNormalize(ema, n);
        record(trace, "emaB norm", emaNorm);
        long[] bondsPerValidator = Sparse.rowSum(Sparse.matVecMul(emaNorm, incentive));
        trace.record("total_bonds_per_validator", bondsPerValidator);
        long[] dividends = Vectors.normalize(Vectors.mul(bondsPerValidator, activeStake));
        return new Bonds(dividends, ema);
    }

    /**
     * Bonds toward a uid registered since the last epoch are dropped: {@code last_tempo <= registered_j}. With a
     * tempo larger than the block, last_tempo is 0 and every bond is dropped each epoch.
     */
    private static SparseMatrix maskRecentlyRegistered(SparseMatrix bonds, long lastTempo, long[] registered) {
        return Sparse.scalarVecMask(bonds, lastTempo, registered, (last, reg) -> last <= reg);
    }

    /** {@code α = 1 − I32F32(I64F64(bma) / I64F64(10^6))}: the quotient is floored to 32 fractional bits. */
    static long fixedAlpha(YumaParams p) {
        long movingAverage = BigInteger.valueOf(p.bondsMovingAverage())
                .shiftLeft(64)
                .divide(MILLION)
                .shiftRight(32)
                .longValueExact();
        return I32F32.sub(I32F32.ONE, movingAverage);
    }

    /**
     * Stored weights or bonds rows as I32F32: the u16 as a whole number, or as a proportion (/65535) for Yuma3
     * bonds. Weights drop columns at or beyond n ({@code get_weights_sparse}); bonds keep them.
     */
    private static SparseMatrix fixedRows(SubnetState s, int n, boolean weights, boolean proportion) {
        SparseMatrix rows = SparseMatrix.withRows(n);
        for (int i = 0; i < n; i++) {
            List<Stored> stored = weights ? s.weights(i) : s.bonds(i);
            int[] c = new int[stored.size()];
            long[] v = new long[stored.size()];
            int count = 0;
            for (Stored e : stored) {
                if (weights && e.uid() >= n) {
                    continue;
                }
                long x = I32F32.fromInt(e.value());
                c[count] = e.uid();
                v[count++] = proportion ? I32F32.div(x, I32F32.U16_MAX) : x;
            }
            if (count == c.length) {
                rows.cols[i] = c;
                rows.vals[i] = v;
            } else {
                rows.setRow(i, c, v, count);
            }
        }
        return rows;
    }

    /** Records a matrix as rows of {@link Entry}, converting it only for a trace that records something. */
    private static void record(EpochTrace trace, String label, SparseMatrix m) {
        if (trace != EpochTrace.NONE) {
            trace.record(label, m.entries());
        }
    }

    /** {@code I96F32(x)·I96F32(rao)} to u64: exactly {@code floor(x_bits·rao / 2^32)}, clamped to the u64 range. */
    private static long[] rao(long[] share, long raoEmission) {
        long[] out = new long[share.length];
        BigInteger rao = BigInteger.valueOf(raoEmission);
        for (int i = 0; i < share.length; i++) {
            BigInteger e = BigInteger.valueOf(share[i]).multiply(rao).shiftRight(32);
            out[i] = e.signum() < 0 ? 0 : e.min(U64_MAX).longValue();
        }
        return out;
    }

    private static boolean anyNonZero(long[] x) {
        for (long v : x) {
            if (v != 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean[] not(boolean[] b) {
        boolean[] out = new boolean[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = !b[i];
        }
        return out;
    }
}
