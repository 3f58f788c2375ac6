package network.synod.core.yuma;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * Random epochs over the whole input space the epoch accepts (classic and Yuma3, liquid alpha, any bonds penalty
 * and kappa, owners, stake thresholds, inactive and outdated weights, recently registered uids, explicit zeros,
 * unsorted rows, duplicate and out-of-range columns, two chained epochs), reduced to one SHA-256 of every output.
 * Public API only, so the same class runs against an older build of the epoch: {@code main} prints the digest.
 */
final class RandomEpochs {

    private RandomEpochs() {}

    public static void main(String[] args) {
        System.out.println(digest(Integer.parseInt(args[0])));
    }

    /** The digest of {@code count} random subnets' two chained epochs each. */
    static String digest(int count) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        SplittableRandom random = new SplittableRandom(20_260_101L);
        for (int c = 0; c < count; c++) {
            int n = 2 + random.nextInt(c % 10 == 0 ? 400 : 40);
            YumaParams p = params(random, n);
            SubnetState s = state(random, n);
            long block = 1000 + random.nextInt(20_000);
            EpochResult first = Yuma.epoch(p, s, block, random.nextLong(1L << 50));
            feed(sha, first);
            SubnetState next = new SubnetState(
                    n,
                    s.stake(),
                    s.lastUpdate(),
                    s.blockAtRegistration(),
                    first.validatorPermit(),
                    rows(s, n),
                    first.bonds());
            feed(sha, Yuma.epoch(p, next, block + p.tempo(), 1_000_000_000L));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static YumaParams params(SplittableRandom r, int n) {
        int[] kappas = {32767, 0, 65535, r.nextInt(65536)};
        int[] penalties = {65535, 0, r.nextInt(65536)};
        return new YumaParams(
                kappas[r.nextInt(kappas.length)],
                penalties[r.nextInt(penalties.length)],
                r.nextBoolean() ? 900_000 : r.nextLong(1_000_001),
                r.nextBoolean() ? 13_889 : r.nextLong(20_000),
                r.nextInt(4) == 0 ? r.nextLong(1_000_000) : 0,
                1 + r.nextInt(Math.max(1, n + 2)),
                r.nextBoolean(),
                r.nextBoolean(),
                45875,
                58982,
                r.nextBoolean() ? 1000 : r.nextInt(-2000, 2000),
                r.nextInt(3) == 0 ? OptionalInt.of(r.nextInt(n)) : OptionalInt.empty(),
                r.nextInt(3) == 0 ? r.nextLong(20_000) : 0,
                n,
                1 + r.nextInt(1000));
    }

    private static SubnetState state(SplittableRandom r, int n) {
        long[] stake = new long[n];
        long[] lastUpdate = new long[n];
        long[] registered = new long[n];
        boolean[] permit = new boolean[n];
        List<List<Stored>> weights = new ArrayList<>();
        List<List<Stored>> bonds = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            stake[i] = r.nextInt(3) == 0 ? 0 : r.nextLong(r.nextBoolean() ? 1_000_000 : 1L << 52);
            lastUpdate[i] = r.nextLong(21_000);
            registered[i] = r.nextInt(4) == 0 ? r.nextLong(21_000) : 0;
            permit[i] = r.nextInt(3) != 0;
            weights.add(row(r, n, r.nextInt(4) == 0 ? 0 : 1 + r.nextInt(n)));
            bonds.add(row(r, n, r.nextInt(3) == 0 ? 0 : r.nextInt(n + 1)));
        }
        return new SubnetState(n, stake, lastUpdate, registered, permit, weights, bonds);
    }

    /** A row of about {@code size} entries: mostly ascending, sometimes shuffled, with zeros, duplicates, col ≥ n. */
    private static List<Stored> row(SplittableRandom r, int n, int size) {
        List<Stored> row = new ArrayList<>();
        double density = size / (double) n;
        for (int j = 0; j < n; j++) {
            if (r.nextDouble() < density) {
                int v = r.nextInt(8) == 0 ? 0 : r.nextInt(8) == 0 ? 65535 : r.nextInt(65536);
                row.add(new Stored(j, v));
            }
        }
        if (!row.isEmpty() && r.nextInt(10) == 0) {
            row.add(new Stored(row.get(0).uid(), r.nextInt(65536)));
        }
        if (r.nextInt(10) == 0) {
            row.add(new Stored(n + r.nextInt(3), r.nextInt(65536)));
        }
        if (r.nextInt(8) == 0) {
            java.util.Collections.reverse(row);
        }
        return row;
    }

    private static List<List<Stored>> rows(SubnetState s, int n) {
        List<List<Stored>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(s.weights(i));
        }
        return out;
    }

    private static void feed(MessageDigest sha, EpochResult r) {
        ByteBuffer b = ByteBuffer.allocate(8);
        for (long[] v : List.of(
                r.stake(),
                r.consensus(),
                r.incentive(),
                r.dividends(),
                r.validatorTrust(),
                r.emission(),
                r.serverEmission(),
                r.validatorEmission())) {
            for (long x : v) {
                sha.update(b.clear().putLong(x).array());
            }
        }
        for (boolean x : r.validatorPermit()) {
            sha.update((byte) (x ? 1 : 0));
        }
        for (List<Stored> row : r.bonds()) {
            sha.update((byte) 0xff);
            for (Stored e : row) {
                sha.update(b.clear().putLong(((long) e.uid() << 32) | e.value()).array());
            }
        }
    }
}
