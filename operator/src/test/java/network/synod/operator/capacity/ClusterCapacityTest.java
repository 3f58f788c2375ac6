package network.synod.operator.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import org.junit.jupiter.api.Test;

import network.synod.operator.api.GpuPool;
import network.synod.operator.api.GpuPoolStatus;
import network.synod.operator.testing.Cluster;

class ClusterCapacityTest {

    @Test
    void testSnapshotIsRebuiltOnlyAfterAChange() {
        ClusterCapacity capacity = new ClusterCapacity();
        AtomicInteger reads = new AtomicInteger();
        List<Node> nodes = List.of(node("n1", "8"));
        var first = capacity.snapshot(
                () -> {
                    reads.incrementAndGet();
                    return nodes;
                },
                List::of,
                () -> List.of(Cluster.pool("l4", "NVIDIA-L4", 23034, "none", 8, 1)));
        assertEquals(Map.of("nvidia.com/gpu", 8L), first.nodes().get(0).free());
        assertEquals("l4", first.offers().get(0).name());
        assertSame(
                first,
                capacity.snapshot(
                        () -> {
                            reads.incrementAndGet();
                            return nodes;
                        },
                        List::of,
                        List::of));
        assertEquals(1, reads.get());

        capacity.changed();
        var second = capacity.snapshot(() -> List.of(node("n1", "4")), List::of, List::of);
        assertNotSame(first, second);
        assertEquals(Map.of("nvidia.com/gpu", 4L), second.nodes().get(0).free());
    }

    @Test
    void testOnlyChangesPlacementReadsCount() {
        Node node = node("n1", "8");
        Node heartbeat = new NodeBuilder(node)
                .editStatus()
                .addNewCondition()
                .withType("Ready")
                .withStatus("True")
                .endCondition()
                .endStatus()
                .build();
        assertFalse(ClusterCapacity.nodeChanged(node, heartbeat));
        assertTrue(ClusterCapacity.nodeChanged(node, node("n1", "4")));
        assertTrue(ClusterCapacity.nodeChanged(
                node,
                new NodeBuilder(node)
                        .editMetadata()
                        .addToLabels("x", "y")
                        .endMetadata()
                        .build()));
        assertTrue(ClusterCapacity.nodeChanged(
                node,
                new NodeBuilder(node)
                        .withNewSpec()
                        .withUnschedulable(true)
                        .endSpec()
                        .build()));
        assertTrue(ClusterCapacity.nodeChanged(null, node));

        GpuPool pool = Cluster.pool("l4", "NVIDIA-L4", 23034, "none", 8, 1);
        GpuPool reported = Cluster.pool("l4", "NVIDIA-L4", 23034, "none", 8, 1);
        reported.setStatus(new GpuPoolStatus());
        reported.getStatus().setAllocated(Map.of("nvidia.com/gpu", 3L));
        assertFalse(ClusterCapacity.poolChanged(pool, reported));
        assertTrue(ClusterCapacity.poolChanged(pool, Cluster.pool("l4", "NVIDIA-L4", 23034, "none", 8, 2)));

        assertTrue(ClusterCapacity.podChanged(null, pod(Map.of(), "1")));
        assertFalse(ClusterCapacity.podChanged(
                null, pod(Map.of("app.kubernetes.io/managed-by", "synod-operator", "synod.network/worker", "w"), "1")));
        assertFalse(ClusterCapacity.podChanged(pod(Map.of(), null), pod(Map.of(), null)));
    }

    private static Node node(String name, String gpus) {
        return new NodeBuilder()
                .withNewMetadata()
                .withName(name)
                .addToLabels("pool", "l4")
                .endMetadata()
                .withNewStatus()
                .addToAllocatable("nvidia.com/gpu", new Quantity(gpus))
                .endStatus()
                .build();
    }

    private static Pod pod(Map<String, String> labels, String gpus) {
        var resources = new io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder();
        if (gpus != null) {
            resources.addToLimits("nvidia.com/gpu", new Quantity(gpus));
        }
        return new PodBuilder()
                .withNewMetadata()
                .withName("p")
                .withLabels(labels)
                .endMetadata()
                .withNewSpec()
                .withNodeName("n1")
                .addNewContainer()
                .withName("c")
                .withResources(resources.build())
                .endContainer()
                .endSpec()
                .build();
    }
}
