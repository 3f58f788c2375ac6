package network.synod.operator.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The indexed {@link Placer} decides exactly what the scanning reference {@link ScanPlacer} decides, for both
 * policies, on random clusters: mixed pools (whole GPUs, MIG mixed and single, time slicing, CPU, pools sharing
 * nodes, equal and different costs), nodes with uneven free capacity, and workers with replicas, pool names,
 * selectors and pools held from an earlier pass.
 */
class PlacerEquivalenceTest {
    private static final String POOL = "synod.network/pool";
    private static final String[] PRODUCTS = {
        "NVIDIA-H100-80GB-HBM3", "NVIDIA-L4", "NVIDIA-A100-SXM4-80GB", "NVIDIA-A100-SXM4-80GB-MIG-3g.40gb", "Tesla-T4"
    };
    private static final String[] WANTED = {null, "H100", "L4", "A100", "T4", "B200"};
    private static final String[] MIG = {"1g.10gb", "3g.40gb"};

    @Test
    void testSameDecisionsAsTheScanningPassOnRandomClusters() {
        Random random = new Random(20261128L);
        for (int round = 0; round < 300; round++) {
            List<PoolOffer> pools = pools(random);
            List<NodeCapacity> nodes = nodes(random, pools);
            List<GpuDemand> demands = demands(random, pools);
            for (PlacementPolicy policy : PlacementPolicy.values()) {
                Map<String, Placement> expected = new ScanPlacer(policy).place(pools, nodes, demands);
                Map<String, Placement> actual = new Placer(policy).place(pools, nodes, demands);
                assertEquals(expected, actual, "round " + round + " " + policy);
                assertEquals(List.copyOf(expected.keySet()), List.copyOf(actual.keySet()), "order, round " + round);
            }
        }
    }

    private static List<PoolOffer> pools(Random random) {
        List<PoolOffer> pools = new ArrayList<>();
        int count = 1 + random.nextInt(6);
        for (int i = 0; i < count; i++) {
            String name = "p" + i;
            if (i > 0 && random.nextInt(4) == 0) {
                // A twin: same nodes, product and cost as an earlier pool, so only the name breaks the tie.
                PoolOffer twin = pools.get(random.nextInt(i));
                pools.add(new PoolOffer(
                        name,
                        twin.labels(),
                        twin.nodeSelector(),
                        twin.gpuProduct(),
                        twin.gpuMemoryMiB(),
                        twin.migStrategy(),
                        twin.timeSlicingReplicas(),
                        twin.cost()));
                continue;
            }
            // Some pools select the same nodes as another pool (by selecting on a shared group label).
            Map<String, String> selector =
                    random.nextInt(4) == 0 ? Map.of("group", "g" + random.nextInt(2)) : Map.of(POOL, name);
            int kind = random.nextInt(6);
            String product = kind == 5 ? null : PRODUCTS[random.nextInt(PRODUCTS.length)];
            String mig = product != null && product.contains("MIG")
                    ? "single"
                    : product != null && product.contains("A100") && random.nextBoolean() ? "mixed" : "none";
            int slicing = product != null && product.startsWith("Tesla") ? 1 + random.nextInt(4) : 1;
            pools.add(new PoolOffer(
                    name,
                    Map.of("region", random.nextBoolean() ? "east" : "west"),
                    selector,
                    product,
                    product == null ? null : 16000 + random.nextInt(70000),
                    mig,
                    slicing,
                    random.nextInt(3)));
        }
        return pools;
    }

    private static List<NodeCapacity> nodes(Random random, List<PoolOffer> pools) {
        List<NodeCapacity> nodes = new ArrayList<>();
        int count = random.nextInt(40);
        for (int i = 0; i < count; i++) {
            String pool = "p" + random.nextInt(pools.size());
            Map<String, Long> free = new java.util.HashMap<>();
            if (random.nextInt(5) > 0) {
                free.put("nvidia.com/gpu", (long) random.nextInt(9));
            }
            if (random.nextInt(3) == 0) {
                free.put("nvidia.com/mig-1g.10gb", (long) random.nextInt(8));
            }
            nodes.add(new NodeCapacity("n" + i, Map.of(POOL, pool, "group", "g" + random.nextInt(2)), free));
        }
        return nodes;
    }

    private static List<GpuDemand> demands(Random random, List<PoolOffer> pools) {
        List<GpuDemand> demands = new ArrayList<>();
        int count = random.nextInt(120);
        for (int i = 0; i < count; i++) {
            String worker = "ns/w-" + random.nextInt(1000) + "-" + i;
            int kind = random.nextInt(5);
            int gpus = kind == 0 ? 0 : 1 + random.nextInt(3);
            String mig = kind == 1 ? MIG[random.nextInt(MIG.length)] : null;
            Double fraction = kind == 2 ? (random.nextBoolean() ? 0.25 : 0.5) : null;
            String product = kind >= 3 ? WANTED[random.nextInt(WANTED.length)] : null;
            Integer memory = random.nextInt(6) == 0 ? 20000 + random.nextInt(60000) : null;
            String poolName = random.nextInt(10) == 0 ? "p" + random.nextInt(pools.size() + 1) : null;
            Map<String, String> selector = random.nextInt(10) == 0 ? Map.of("region", "west") : null;
            String current = random.nextInt(3) == 0 ? "p" + random.nextInt(pools.size()) : null;
            demands.add(new GpuDemand(
                    worker, gpus, product, memory, mig, fraction, poolName, selector, random.nextInt(4), current));
        }
        return demands;
    }
}
