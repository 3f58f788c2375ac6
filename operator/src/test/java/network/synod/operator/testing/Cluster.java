package network.synod.operator.testing;

import java.util.Map;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.TolerationBuilder;

import network.synod.operator.api.GpuPool;
import network.synod.operator.api.GpuPoolSpec;

/** Simulated cluster objects: nodes labelled the way GPU Feature Discovery labels them, and GpuPools. */
public final class Cluster {
    public static final String POOL_LABEL = "synod.network/node-pool";

    private Cluster() {}

    /** A node in {@code pool} with GFD labels and the given allocatable extended resources. */
    public static Node gpuNode(
            String name,
            String pool,
            String product,
            int memoryMiB,
            String migStrategy,
            Map<String, String> allocatable) {
        NodeBuilder b = new NodeBuilder()
                .withNewMetadata()
                .withName(name)
                .addToLabels(POOL_LABEL, pool)
                .addToLabels("nvidia.com/gpu.present", "true")
                .addToLabels("nvidia.com/gpu.product", product)
                .addToLabels("nvidia.com/gpu.memory", String.valueOf(memoryMiB))
                .addToLabels("nvidia.com/mig.strategy", migStrategy)
                .endMetadata()
                .withNewSpec()
                .addNewTaint()
                .withKey("nvidia.com/gpu")
                .withValue("present")
                .withEffect("NoSchedule")
                .endTaint()
                .endSpec()
                .withNewStatus()
                .addToAllocatable("cpu", new Quantity("32"))
                .endStatus();
        allocatable.forEach(
                (k, v) -> b.editStatus().addToAllocatable(k, new Quantity(v)).endStatus());
        return b.build();
    }

    public static Node cpuNode(String name, String pool) {
        return new NodeBuilder()
                .withNewMetadata()
                .withName(name)
                .addToLabels(POOL_LABEL, pool)
                .endMetadata()
                .withNewStatus()
                .addToAllocatable("cpu", new Quantity("16"))
                .endStatus()
                .build();
    }

    public static GpuPool pool(
            String name, String product, int memoryMiB, String migStrategy, int gpusPerNode, int cost) {
        GpuPool pool = new GpuPool();
        pool.setMetadata(new ObjectMetaBuilder().withName(name).build());
        GpuPoolSpec spec = new GpuPoolSpec();
        spec.setNodeSelector(Map.of(POOL_LABEL, name));
        spec.setGpuProduct(product);
        spec.setGpuMemoryMiB(product == null ? null : memoryMiB);
        spec.setMigStrategy(migStrategy);
        spec.setGpusPerNode(gpusPerNode);
        spec.setCost(cost);
        if (product != null) {
            spec.getTolerations()
                    .add(new TolerationBuilder()
                            .withKey("synod.network/dedicated")
                            .withOperator("Equal")
                            .withValue(name)
                            .withEffect("NoSchedule")
                            .build());
        }
        pool.setSpec(spec);
        return pool;
    }
}
