package network.synod.operator.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import network.synod.operator.placement.GpuDemand;
import network.synod.operator.placement.NodeCapacity;
import network.synod.operator.placement.Placement;
import network.synod.operator.placement.PlacementPolicy;
import network.synod.operator.placement.Placer;
import network.synod.operator.placement.PoolOffer;

/** One placement pass for 10,000 workers over 1,000 nodes must take at most one second. Run with -Dsynod.bench=true. */
@EnabledIfSystemProperty(named = "synod.bench", matches = "true")
class PlacementBenchmark {
    private static final String POOL = "synod.network/node-pool";

    @Test
    void testTenThousandWorkersOverOneThousandNodes() {
        List<PoolOffer> pools = List.of(
                new PoolOffer("h100", Map.of(), Map.of(POOL, "h100"), "NVIDIA-H100-80GB-HBM3", 81559, "none", 1, 10),
                new PoolOffer("mig", Map.of(), Map.of(POOL, "mig"), "NVIDIA-A100-SXM4-80GB", 81920, "mixed", 1, 5),
                new PoolOffer("l4", Map.of(), Map.of(POOL, "l4"), "NVIDIA-L4", 23034, "none", 1, 2),
                new PoolOffer("t4", Map.of(), Map.of(POOL, "t4"), "Tesla-T4", 15360, "none", 4, 1),
                new PoolOffer("cpu", Map.of(), Map.of(POOL, "cpu"), null, null, "none", 1, 0));
        List<NodeCapacity> nodes = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            if (i < 250) {
                nodes.add(new NodeCapacity("h100-" + i, Map.of(POOL, "h100"), Map.of("nvidia.com/gpu", 8L)));
            } else if (i < 500) {
                nodes.add(new NodeCapacity("mig-" + i, Map.of(POOL, "mig"), Map.of("nvidia.com/mig-1g.10gb", 7L)));
            } else if (i < 750) {
                nodes.add(new NodeCapacity("l4-" + i, Map.of(POOL, "l4"), Map.of("nvidia.com/gpu", 4L)));
            } else if (i < 900) {
                nodes.add(new NodeCapacity("t4-" + i, Map.of(POOL, "t4"), Map.of("nvidia.com/gpu", 16L)));
            } else {
                nodes.add(new NodeCapacity("cpu-" + i, Map.of(POOL, "cpu"), Map.of()));
            }
        }
        List<GpuDemand> demands = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            String w = "ns/w-" + i;
            // A third of the workers already hold a pool from an earlier pass, as in a running cluster.
            switch (i % 10) {
                case 0, 1 -> demands.add(new GpuDemand(w, 1, "H100", null, null, null, null, null, 1, i % 3 == 0 ? "h100" : null));
                case 2, 3 -> demands.add(new GpuDemand(w, 1, null, null, "1g.10gb", null, null, null, 1, i % 3 == 0 ? "mig" : null));
                case 4 -> demands.add(new GpuDemand(w, 1, "L4", null, null, null, null, null, 1, null));
                case 5, 6 -> demands.add(new GpuDemand(w, 1, null, null, null, 0.25, null, null, 1, null));
                default -> demands.add(new GpuDemand(w, 0, null, null, null, null, null, null, 1, null));
            }
        }
        Placer placer = new Placer(PlacementPolicy.BIN_PACK);
        long[] millis = new long[7];
        long[] cpuMillis = new long[7];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Placement> result = null;
        for (int run = 0; run < millis.length; run++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            result = placer.place(pools, nodes, demands);
            millis[run] = (System.nanoTime() - start) / 1_000_000;
            cpuMillis[run] = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
        }
        long scheduled = result.values().stream().filter(Placement::scheduled).count();
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        long[] cpuSorted = cpuMillis.clone();
        Arrays.sort(cpuSorted);
        System.out.printf("PLACEMENT BENCHMARK: 10000 workers, 1000 nodes, %d scheduled: wall first %d ms, median %d ms;"
                + " thread CPU first %d ms, median %d ms; load average %.1f%n", scheduled, millis[0],
                sorted[sorted.length / 2], cpuMillis[0], cpuSorted[cpuSorted.length / 2],
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        // Wall time on a machine shared with other builds measures the neighbours; the pass's own CPU time does not.
        assertTrue(cpuMillis[0] <= 1000, "first pass used " + cpuMillis[0] + " ms of CPU");
        assertTrue(sorted[sorted.length / 2] <= 1000, "median pass took " + sorted[sorted.length / 2] + " ms");
        assertTrue(scheduled > 9000, "scheduled " + scheduled);
    }
}
