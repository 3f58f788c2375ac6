package network.synod.operator.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import org.junit.jupiter.api.Test;

import network.synod.operator.placement.NodeCapacity;

class PlacementInputsTest {

    @Test
    void testFreeIsAllocatableMinusRunningForeignPods() {
        Node node = new NodeBuilder()
                .withNewMetadata()
                .withName("n1")
                .addToLabels("nvidia.com/gpu.product", "X")
                .endMetadata()
                .withNewStatus()
                .addToAllocatable("nvidia.com/gpu", new Quantity("8"))
                .addToAllocatable("cpu", new Quantity("64"))
                .endStatus()
                .build();
        Node cordoned = new NodeBuilder()
                .withNewMetadata()
                .withName("n2")
                .endMetadata()
                .withNewSpec()
                .withUnschedulable(true)
                .endSpec()
                .build();
        List<NodeCapacity> free = PlacementInputs.nodes(
                List.of(node, cordoned),
                List.of(
                        pod("train", "n1", "3", "Running", Map.of()),
                        pod("done", "n1", "2", "Succeeded", Map.of()),
                        pod(
                                "ours",
                                "n1",
                                "1",
                                "Running",
                                Map.of("app.kubernetes.io/managed-by", "synod-operator", "synod.network/worker", "w")),
                        pod("pending", null, "1", "Pending", Map.of())));
        assertEquals(1, free.size());
        assertEquals(Map.of("nvidia.com/gpu", 5L), free.get(0).free());
    }

    private static Pod pod(String name, String node, String gpus, String phase, Map<String, String> labels) {
        return new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .withLabels(labels)
                .endMetadata()
                .withNewSpec()
                .withNodeName(node)
                .addNewContainer()
                .withName("c")
                .withNewResources()
                .addToLimits("nvidia.com/gpu", new Quantity(gpus))
                .endResources()
                .endContainer()
                .endSpec()
                .withNewStatus()
                .withPhase(phase)
                .endStatus()
                .build();
    }
}
