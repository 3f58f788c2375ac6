package network.synod.core.yuma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * One Yuma epoch ({@link Yuma#epoch}, classic bonds, subtensor's defaults) on subnets of 512 to 8,192 uids with
 * 16, 64 and 256 validators. Each validator weights a random 80–100 % of the miners with random u16 values, and the
 * bonds are those one earlier epoch stored, so every matrix step works on realistic, dense-ish rows. Each size is
 * warmed up, then timed several times; the table gives the median. Target: ≤ 50 ms for 4,096 uids and 64
 * validators. Run with {@code mvn -B -pl services/core verify -Pbench -Dtest=YumaBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}; results in docs/benchmarks.md, "Yuma epoch".
 */
class YumaBenchmark {

    private static final int[] UIDS = {512, 1024, 2048, 4096, 8192};
    private static final int[] VALIDATORS = {16, 64, 256};
    private static final long TEMPO = 360;
    private static final long BLOCK = 10 * TEMPO;
    private static final long EMISSION = 1_000_000_000L;

    @Test
    void oneEpochScalesWithUidsAndValidators() {
        System.out.printf(Locale.ROOT, "%n| uids | validators | weights | median ms | min ms | runs |%n");
        System.out.printf(Locale.ROOT, "|---:|---:|---:|---:|---:|---:|%n");
        double target = Double.NaN;
        for (int validators : VALIDATORS) {
            for (int n : UIDS) {
                Subnet subnet = subnet(n, validators, new SplittableRandom(n * 31L + validators));
                YumaParams p = subnet.params();
                SubnetState s = subnet.state();
                // Warm-up: the JIT compiles the epoch's loops on this size before anything is timed.
                int warmups = n * validators >= 1 << 20 ? 2 : 5;
                for (int k = 0; k < warmups; k++) {
                    Yuma.epoch(p, s, BLOCK, EMISSION);
                }
                int runs = n * validators >= 1 << 20 ? 5 : 9;
                long[] nanos = new long[runs];
                long sink = 0;
                for (int k = 0; k < runs; k++) {
                    long t0 = System.nanoTime();
                    EpochResult r = Yuma.epoch(p, s, BLOCK, EMISSION);
                    nanos[k] = System.nanoTime() - t0;
                    sink += r.incentive()[n - 1];
                }
                Arrays.sort(nanos);
                double median = nanos[runs / 2] / 1e6;
                System.out.printf(
                        Locale.ROOT,
                        "| %d | %d | %d | %.1f | %.1f | %d |%n",
                        n,
                        validators,
                        subnet.entries(),
                        median,
                        nanos[0] / 1e6,
                        runs);
                assertTrue(sink >= 0);
                if (n == 4096 && validators == 64) {
                    target = median;
                }
            }
        }
        System.out.printf(Locale.ROOT, "4,096 uids, 64 validators: median %.1f ms (target ≤ 50 ms)%n", target);
        assertTrue(target <= 50, "one epoch of 4,096 uids and 64 validators took " + target + " ms");
    }

    /** The parameters and the state to time, and how many weights the validators set. */
    record Subnet(YumaParams params, SubnetState state, long entries) {}

    /**
     * {@code validators} staked uids 0..v−1 with permits, each weighting a random 80–100 % of the miners v..n−1;
     * the bonds are those of one epoch run on the same weights (stored as the chain would store them).
     */
    static Subnet subnet(int n, int validators, SplittableRandom rnd) {
        YumaParams p = YumaParams.defaults(n, TEMPO).with("max_allowed_validators", Math.max(validators, 1));
        long[] stake = new long[n];
        long[] lastUpdate = new long[n];
        boolean[] permit = new boolean[n];
        List<List<Stored>> weights = new ArrayList<>(n);
        long entries = 0;
        for (int i = 0; i < n; i++) {
            List<Stored> row = new ArrayList<>();
            if (i < validators) {
                stake[i] = 1_000_000_000L + rnd.nextLong(1_000_000_000_000L);
                lastUpdate[i] = BLOCK - 1 - rnd.nextInt(100);
                permit[i] = true;
                double coverage = 0.8 + 0.2 * rnd.nextDouble();
                for (int j = validators; j < n; j++) {
                    if (rnd.nextDouble() < coverage) {
                        row.add(new Stored(j, rnd.nextInt(65536)));
                    }
                }
                entries += row.size();
            }
            weights.add(row);
        }
        long[] registered = new long[n];
        SubnetState first = new SubnetState(n, stake, lastUpdate, registered, permit, weights, List.of());
        EpochResult previous = Yuma.epoch(p, first, BLOCK - TEMPO, EMISSION);
        SubnetState state = new SubnetState(n, stake, lastUpdate, registered, permit, weights, previous.bonds());
        assertEquals(n, state.n());
        return new Subnet(p, state, entries);
    }
}
