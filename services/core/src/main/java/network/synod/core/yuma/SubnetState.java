package network.synod.core.yuma;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The per-subnet storage one epoch reads and the ops of a case change: each uid's total stake (u64),
 * {@code LastUpdate}, {@code BlockAtRegistration}, {@code ValidatorPermit}, and its stored u16 weights and bonds
 * rows. Mutable and owned by one {@link YumaReplay}; {@link Yuma#epoch} only reads it.
 */
public final class SubnetState {

    private final int n;
    private final long[] stake;
    private final long[] lastUpdate;
    private final long[] blockAtRegistration;
    private final boolean[] validatorPermit;
    private final List<List<Stored>> weights;
    private final List<List<Stored>> bonds;

    /** A state of {@code n} uids; every vector must have {@code n} entries, rows {@code n} rows (or be empty). */
    public SubnetState(
            int n,
            long[] stake,
            long[] lastUpdate,
            long[] blockAtRegistration,
            boolean[] validatorPermit,
            List<List<Stored>> weights,
            List<List<Stored>> bonds) {
        this.n = n;
        this.stake = requireLength("stake", stake.clone(), n);
        this.lastUpdate = requireLength("last_update", lastUpdate.clone(), n);
        this.blockAtRegistration = requireLength("block_at_registration", blockAtRegistration.clone(), n);
        if (validatorPermit.length != n) {
            throw new IllegalArgumentException(
                    "validator_permit has " + validatorPermit.length + " entries, expected n = " + n);
        }
        this.validatorPermit = validatorPermit.clone();
        this.weights = rows("weights", weights, n);
        this.bonds = rows("bonds", bonds, n);
        for (long s : stake) {
            if (s < 0) {
                throw new IllegalArgumentException("stake is a u64 below 2^63, got " + s);
            }
        }
    }

    private static long[] requireLength(String name, long[] v, int n) {
        if (v.length != n) {
            throw new IllegalArgumentException(name + " has " + v.length + " entries, expected n = " + n);
        }
        return v;
    }

    private static List<List<Stored>> rows(String name, List<List<Stored>> rows, int n) {
        if (!rows.isEmpty() && rows.size() != n) {
            throw new IllegalArgumentException(name + " has " + rows.size() + " rows, expected n = " + n);
        }
        List<List<Stored>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(rows.isEmpty() ? List.of() : List.copyOf(rows.get(i)));
        }
        return out;
    }

    public int n() {
        return n;
    }

    public long stake(int uid) {
        return stake[uid];
    }

    public long[] stake() {
        return stake.clone();
    }

    public long[] lastUpdate() {
        return lastUpdate.clone();
    }

    public long[] blockAtRegistration() {
        return blockAtRegistration.clone();
    }

    public boolean[] validatorPermit() {
        return validatorPermit.clone();
    }

    /** The stored weights row of {@code uid} (unmodifiable). */
    public List<Stored> weights(int uid) {
        return weights.get(uid);
    }

    /** The stored bonds row of {@code uid} (unmodifiable). */
    public List<Stored> bonds(int uid) {
        return bonds.get(uid);
    }

    /** {@code set_weights}'s write: the stored row and {@code LastUpdate}. */
    void setWeights(int uid, List<Stored> row, long block) {
        weights.set(uid, List.copyOf(row));
        lastUpdate[uid] = block;
    }

    /** A direct write of a weights row, {@code LastUpdate} unchanged. */
    void writeWeights(int uid, List<Stored> row) {
        weights.set(uid, List.copyOf(row));
    }

    void writeBonds(int uid, List<Stored> row) {
        bonds.set(uid, List.copyOf(row));
    }

    void setValidatorPermit(boolean[] permit) {
        System.arraycopy(permit, 0, validatorPermit, 0, n);
    }

    /**
     * A new hotkey registered over {@code uid} ({@code replace_neuron} + {@code clear_neuron}): registration and
     * last update at {@code block}, its weights and bonds rows removed, every other weight pointing at it set to
     * 0 but kept, no permit, and the new hotkey's stake.
     */
    void replaceNeuron(int uid, long block, long newStake) {
        blockAtRegistration[uid] = block;
        lastUpdate[uid] = block;
        weights.set(uid, List.of());
        bonds.set(uid, List.of());
        for (int i = 0; i < n; i++) {
            List<Stored> row = new ArrayList<>(weights.get(i));
            row.replaceAll(s -> s.uid() == uid ? new Stored(uid, 0) : s);
            weights.set(i, List.copyOf(row));
        }
        validatorPermit[uid] = false;
        stake[uid] = newStake;
    }

    /** {@code do_reset_bonds}: column {@code uid} removed from every bonds row. */
    void resetBondsTo(int uid) {
        for (int i = 0; i < n; i++) {
            bonds.set(i, bonds.get(i).stream().filter(s -> s.uid() != uid).toList());
        }
    }

    /** A deep copy, so that a replay never changes the state it was given. */
    public SubnetState copy() {
        return new SubnetState(n, stake, lastUpdate, blockAtRegistration, validatorPermit, weights, bonds);
    }

    @Override
    public String toString() {
        return "SubnetState[n=" + n + ", stake=" + Arrays.toString(stake) + ", lastUpdate="
                + Arrays.toString(lastUpdate) + ", blockAtRegistration=" + Arrays.toString(blockAtRegistration)
                + ", validatorPermit=" + Arrays.toString(validatorPermit) + ", weights=" + weights + ", bonds="
                + bonds + "]";
    }
}
