package network.synod.operator.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PlacerTest {
    private static final String POOL = "synod.network/pool";

    @Test
    void testMixedPoolsEachRequestLandsOnTheMatchingPool() {
        Map<String, Placement> result = new Placer(PlacementPolicy.BIN_PACK)
                .place(
                        mixedPools(),
                        mixedNodes(),
                        List.of(
                                gpu("ns/big", 2, "H100", null),
                                gpu("ns/small", 1, "A10G", null),
                                mig("ns/slice", "1g.10gb", 1),
                                cpu("ns/cpu")));

        assertEquals("h100", result.get("ns/big").pool());
        assertEquals("nvidia.com/gpu", result.get("ns/big").resource());
        assertEquals(2, result.get("ns/big").amount());
        assertEquals("a10", result.get("ns/small").pool());
        assertEquals("mig", result.get("ns/slice").pool());
        assertEquals("nvidia.com/mig-1g.10gb", result.get("ns/slice").resource());
        assertTrue(result.get("ns/cpu").scheduled());
        assertNull(result.get("ns/cpu").pool());
        assertFalse(result.get("ns/cpu").usesGpu());
    }

    @Test
    void testCheaperPoolFirstWhenBothMatch() {
        // Any GPU with >= 20 GiB: the A10 pool (cost 1) is cheaper than the H100 pool (cost 10).
        Placement p = new Placer(PlacementPolicy.BIN_PACK)
                .place(
                        mixedPools(),
                        mixedNodes(),
                        List.of(new GpuDemand("ns/w", 1, null, 20000, null, null, null, null, 1, null)))
                .get("ns/w");
        assertEquals("a10", p.pool());
    }

    @Test
    void testMemoryRequirementExcludesSmallGpus() {
        Placement p = new Placer(PlacementPolicy.BIN_PACK)
                .place(
                        mixedPools(),
                        mixedNodes(),
                        List.of(new GpuDemand("ns/w", 1, null, 40000, null, null, null, null, 1, null)))
                .get("ns/w");
        assertEquals("h100", p.pool());
    }

    @Test
    void testFullPoolsGiveInsufficientCapacity() {
        List<GpuDemand> demands = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            demands.add(gpu("ns/a10-" + i, 1, "A10G", null));
        }
        Map<String, Placement> result = new Placer(PlacementPolicy.BIN_PACK).place(mixedPools(), mixedNodes(), demands);
        // Two A10 nodes with one GPU each: the third worker finds no room.
        assertTrue(result.get("ns/a10-0").scheduled());
        assertTrue(result.get("ns/a10-1").scheduled());
        Placement third = result.get("ns/a10-2");
        assertFalse(third.scheduled());
        assertEquals("InsufficientCapacity", third.reason());
        assertTrue(third.message().contains("a10"), third.message());
    }

    @Test
    void testUnknownPoolAndUnmatchedProduct() {
        Map<String, Placement> result = new Placer(PlacementPolicy.BIN_PACK)
                .place(
                        mixedPools(),
                        mixedNodes(),
                        List.of(
                                new GpuDemand("ns/ghost", 1, null, null, null, null, "nope", null, 1, null),
                                gpu("ns/b200", 1, "B200", null)));
        assertEquals("PoolNotFound", result.get("ns/ghost").reason());
        assertEquals("NoMatchingPool", result.get("ns/b200").reason());
    }

    @Test
    void testAddedNodeMakesRoom() {
        List<NodeCapacity> nodes = new ArrayList<>(mixedNodes());
        List<GpuDemand> demands =
                List.of(gpu("ns/a", 1, "A10G", null), gpu("ns/b", 1, "A10G", "a10"), gpu("ns/c", 1, "A10G", "a10"));
        // a and b hold the two A10 GPUs (b and c are sticky from an earlier pass, so they are charged first).
        assertFalse(new Placer(PlacementPolicy.BIN_PACK)
                .place(mixedPools(), nodes, demands)
                .get("ns/a")
                .scheduled());
        nodes.add(node("a10-3", "a10", Map.of("nvidia.com/gpu", 1L)));
        assertEquals(
                "a10",
                new Placer(PlacementPolicy.BIN_PACK)
                        .place(mixedPools(), nodes, demands)
                        .get("ns/a")
                        .pool());
    }

    @Test
    void testBinPackFillsTheFullerPoolSpreadTheEmptier() {
        List<PoolOffer> pools = List.of(offer("p1", "L4", 0, "none", 1), offer("p2", "L4", 0, "none", 1));
        List<NodeCapacity> nodes =
                List.of(node("n1", "p1", Map.of("nvidia.com/gpu", 2L)), node("n2", "p2", Map.of("nvidia.com/gpu", 8L)));
        GpuDemand d = gpu("ns/w", 1, "L4", null);
        assertEquals(
                "p1",
                new Placer(PlacementPolicy.BIN_PACK)
                        .place(pools, nodes, List.of(d))
                        .get("ns/w")
                        .pool());
        assertEquals(
                "p2",
                new Placer(PlacementPolicy.SPREAD)
                        .place(pools, nodes, List.of(d))
                        .get("ns/w")
                        .pool());
    }

    @Test
    void testReplicaMustFitOnOneNode() {
        // Two nodes with 2 free GPUs each: a 4-GPU replica does not fit although 4 GPUs are free in total.
        List<PoolOffer> pools = List.of(offer("p", "H100", 0, "none", 1));
        List<NodeCapacity> nodes =
                List.of(node("n1", "p", Map.of("nvidia.com/gpu", 2L)), node("n2", "p", Map.of("nvidia.com/gpu", 2L)));
        assertFalse(new Placer(PlacementPolicy.BIN_PACK)
                .place(pools, nodes, List.of(gpu("ns/w", 4, null, null)))
                .get("ns/w")
                .scheduled());
    }

    @Test
    void testMigSingleStrategyAndTimeSlicing() {
        List<PoolOffer> pools = List.of(
                offer("single", "NVIDIA-A100-SXM4-80GB-MIG-3g.40gb", 1, "single", 1),
                offer("shared", "Tesla-T4", 0, "none", 4));
        List<NodeCapacity> nodes = List.of(
                node("s1", "single", Map.of("nvidia.com/gpu", 2L)), node("t1", "shared", Map.of("nvidia.com/gpu", 4L)));
        Map<String, Placement> result = new Placer(PlacementPolicy.BIN_PACK)
                .place(
                        pools,
                        nodes,
                        List.of(
                                mig("ns/m", "3g.40gb", 1),
                                new GpuDemand("ns/quarter", 1, null, null, null, 0.25, null, null, 1, null),
                                new GpuDemand("ns/half", 1, null, null, null, 0.5, null, null, 1, null),
                                gpu("ns/whole", 1, "T4", null)));
        assertEquals("single", result.get("ns/m").pool());
        assertEquals("nvidia.com/gpu", result.get("ns/m").resource());
        assertEquals("shared", result.get("ns/quarter").pool());
        assertEquals(1, result.get("ns/quarter").amount());
        // A quarter-GPU time slice does not serve a request for half a GPU, nor for a whole one.
        assertEquals("NoMatchingPool", result.get("ns/half").reason());
        assertEquals("NoMatchingPool", result.get("ns/whole").reason());
    }

    @Test
    void testReplicasReserveCapacityAndPoolSelector() {
        List<PoolOffer> pools = List.of(
                new PoolOffer("east", Map.of("region", "east"), Map.of(POOL, "east"), "L4", 24576, "none", 1, 0),
                new PoolOffer("west", Map.of("region", "west"), Map.of(POOL, "west"), "L4", 24576, "none", 1, 0));
        List<NodeCapacity> nodes = List.of(
                node("e1", "east", Map.of("nvidia.com/gpu", 4L)), node("w1", "west", Map.of("nvidia.com/gpu", 4L)));
        Map<String, Placement> result = new Placer(PlacementPolicy.BIN_PACK)
                .place(
                        pools,
                        nodes,
                        List.of(
                                new GpuDemand(
                                        "ns/a", 1, null, null, null, null, null, Map.of("region", "west"), 3, null),
                                new GpuDemand(
                                        "ns/b", 1, null, null, null, null, null, Map.of("region", "west"), 2, null)));
        assertEquals("west", result.get("ns/a").pool());
        // a reserved 3 of west's 4 GPUs; b needs 2 replicas and must stay in west by its selector.
        assertEquals("InsufficientCapacity", result.get("ns/b").reason());
    }

    @Test
    void testProductMatchesWholeParts() {
        assertTrue(Placer.productMatches("H100", "NVIDIA-H100-80GB-HBM3"));
        assertTrue(Placer.productMatches("h100-80gb", "NVIDIA-H100-80GB-HBM3"));
        assertFalse(Placer.productMatches("A10", "NVIDIA-A100-SXM4-80GB"));
        assertFalse(Placer.productMatches("A10", "NVIDIA-A10G"));
    }

    static List<PoolOffer> mixedPools() {
        return List.of(
                offer("h100", "NVIDIA-H100-80GB-HBM3", 10, "none", 1, 81559),
                offer("a10", "NVIDIA-A10G", 1, "none", 1, 23028),
                offer("mig", "NVIDIA-A100-SXM4-80GB", 5, "mixed", 1, 81920),
                new PoolOffer("cpu", Map.of(), Map.of(POOL, "cpu"), null, null, "none", 1, 0));
    }

    static List<NodeCapacity> mixedNodes() {
        return List.of(
                node("h100-1", "h100", Map.of("nvidia.com/gpu", 8L)),
                node("a10-1", "a10", Map.of("nvidia.com/gpu", 1L)),
                node("a10-2", "a10", Map.of("nvidia.com/gpu", 1L)),
                node("mig-1", "mig", Map.of("nvidia.com/mig-1g.10gb", 7L)),
                node("cpu-1", "cpu", Map.of()));
    }

    private static PoolOffer offer(String name, String product, int cost, String mig, int slices) {
        return offer(name, product, cost, mig, slices, 24576);
    }

    private static PoolOffer offer(String name, String product, int cost, String mig, int slices, int memory) {
        return new PoolOffer(name, Map.of(), Map.of(POOL, name), product, memory, mig, slices, cost);
    }

    static NodeCapacity node(String name, String pool, Map<String, Long> free) {
        return new NodeCapacity(name, Map.of(POOL, pool), free);
    }

    private static GpuDemand gpu(String worker, int count, String product, String current) {
        return new GpuDemand(worker, count, product, null, null, null, null, null, 1, current);
    }

    private static GpuDemand mig(String worker, String profile, int count) {
        return new GpuDemand(worker, count, null, null, profile, null, null, null, 1, null);
    }

    private static GpuDemand cpu(String worker) {
        return new GpuDemand(worker, 0, null, null, null, null, null, null, 1, null);
    }
}
