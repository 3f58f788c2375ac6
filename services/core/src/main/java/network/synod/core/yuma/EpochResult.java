package network.synod.core.yuma;

import java.util.List;

/**
 * What one epoch produces: the new validator permits, the I32F32 vectors (normalised stake, consensus, incentive,
 * dividends, validator trust), the emissions in rao, and the bonds rows to store (empty for every uid without a
 * new permit). The u16 views are the storage values, {@code floor(x·65535)}.
 *
 * @param block the block the epoch ran at
 * @param emission the Emission storage value: the combined (incentive + dividends) share of the rao emission
 */
public record EpochResult(
        long block,
        boolean[] validatorPermit,
        long[] stake,
        long[] consensus,
        long[] incentive,
        long[] dividends,
        long[] validatorTrust,
        long[] emission,
        long[] serverEmission,
        long[] validatorEmission,
        List<List<Stored>> bonds) {

    public int[] stakeU16() {
        return u16(stake);
    }

    public int[] consensusU16() {
        return u16(consensus);
    }

    public int[] incentiveU16() {
        return u16(incentive);
    }

    public int[] dividendsU16() {
        return u16(dividends);
    }

    public int[] validatorTrustU16() {
        return u16(validatorTrust);
    }

    /** The dense {@code get_bonds()} view of the stored bond (i, j) as a u16, 0 where there is none. */
    public int bondU16(int i, int j) {
        int value = 0;
        for (Stored s : bonds.get(i)) {
            if (s.uid() == j) {
                value = s.value();
            }
        }
        return value;
    }

    private static int[] u16(long[] x) {
        int[] out = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = I32F32.proportionToU16(x[i]);
        }
        return out;
    }
}
