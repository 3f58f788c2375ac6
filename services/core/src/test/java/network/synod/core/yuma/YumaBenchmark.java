package network.synod.core.yuma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * One Yuma epoch ({@link Yuma#epoch}, subtensor's defaults: classic bonds) on subnets of 512 to 8,192 uids with
 * 16, 64 and 256 validators. Each validator weights a random 80–100 % of the miners with random u16 values, and the
 * bonds are those one earlier epoch stored, so every matrix step works on realistic, dense-ish rows. The JIT is
 * warmed up on a mid-sized subnet first; each size is then warmed up again (after a collection of the previous
 * size's garbage) and timed several times. The table gives the median and the minimum wall time and the median
 * CPU time of the timing thread (the garbage collector's threads not included). Target: ≤ 50 ms (median wall) for
 * 4,096 uids and 64 validators. A second table times Yuma3 with liquid alpha at 64 validators, for information.
 * Run with {@code mvn -B -pl services/core verify -Pbench -Dtest=YumaBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}; results in docs/benchmarks.md, "Yuma epoch".
 */
class YumaBenchmark {

    private static final int[] UIDS = {512, 1024, 2048, 4096, 8192};
    private static final int[] VALIDATORS = {16, 64, 256};
    private static final long TEMPO = 360;
    private static final long BLOCK = 10 * TEMPO;
    private static final long EMISSION = 1_000_000_000L;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Test
    void oneEpochScalesWithUidsAndValidators() {
        Subnet warm = subnet(1024, 64, new SplittableRandom(1));
        for (int k = 0; k < 30; k++) {
            Yuma.epoch(warm.params(), warm.state(), BLOCK, EMISSION);
        }
        header("classic Yuma (defaults)");
        double target = Double.NaN;
        for (int validators : VALIDATORS) {
            for (int n : UIDS) {
                Subnet subnet = subnet(n, validators, new SplittableRandom(n * 31L + validators));
                boolean large = (long) n * validators >= 1 << 20;
                Timing t = time(subnet.params(), subnet.state(), large ? 3 : 10, large ? 7 : 15);
                row(n, validators, subnet.entries(), t);
                if (n == 4096 && validators == 64) {
                    target = t.medianMs();
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "4,096 uids, 64 validators: median %.1f ms (target ≤ 50 ms); load average %.1f%n",
                target,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        assertTrue(target <= 50, "one epoch of 4,096 uids and 64 validators took " + target + " ms");
    }

    @Test
    void yuma3WithLiquidAlpha() {
        header("Yuma3 with liquid alpha");
        for (int n : UIDS) {
            Subnet subnet = subnet(n, 64, new SplittableRandom(n * 31L + 64));
            YumaParams p = subnet.params().with("yuma3", true).with("liquid_alpha", true);
            row(n, 64, subnet.entries(), time(p, subnet.state(), 3, 7));
        }
    }

    /** Median and minimum wall time and median thread CPU time of {@code runs} epochs, in ms. */
    private record Timing(double medianMs, double minMs, double cpuMs, int runs) {}

    private static Timing time(YumaParams p, SubnetState s, int warmups, int runs) {
        System.gc();
        for (int k = 0; k < warmups; k++) {
            Yuma.epoch(p, s, BLOCK, EMISSION);
        }
        long[] nanos = new long[runs];
        long[] cpu = new long[runs];
        long sink = 0;
        for (int k = 0; k < runs; k++) {
            long c0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            EpochResult r = Yuma.epoch(p, s, BLOCK, EMISSION);
            nanos[k] = System.nanoTime() - t0;
            cpu[k] = THREADS.getCurrentThreadCpuTime() - c0;
            sink += r.incentive()[s.n() - 1];
        }
        assertTrue(sink >= 0);
        Arrays.sort(nanos);
        Arrays.sort(cpu);
        return new Timing(nanos[runs / 2] / 1e6, nanos[0] / 1e6, cpu[runs / 2] / 1e6, runs);
    }

    private static void header(String title) {
        System.out.printf(
                Locale.ROOT,
                "%n%s%n| uids | validators | weights set | median ms | min ms | median thread CPU ms | runs |%n",
                title);
        System.out.printf(Locale.ROOT, "|---:|---:|---:|---:|---:|---:|---:|%n");
    }

    private static void row(int n, int validators, long entries, Timing t) {
        System.out.printf(
                Locale.ROOT,
                "| %,d | %d | %,d | %.1f | %.1f | %.1f | %d |%n",
                n,
                validators,
                entries,
                t.medianMs(),
                t.minMs(),
                t.cpuMs(),
                t.runs());
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
