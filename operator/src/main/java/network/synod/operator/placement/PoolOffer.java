package network.synod.operator.placement;

import java.util.Map;

/**
 * What a GpuPool offers to placement.
 *
 * @param name                pool name
 * @param labels              the GpuPool's own metadata labels (matched by a worker's pool selector)
 * @param nodeSelector        node labels that select the pool's nodes
 * @param gpuProduct          GPU product label value; null or empty for a CPU-only pool
 * @param gpuMemoryMiB        memory per GPU in MiB; null when unknown
 * @param migStrategy         none, single or mixed
 * @param timeSlicingReplicas time-slicing replicas per GPU; 1 when GPUs are not shared
 * @param cost                relative cost; cheaper pools are tried first
 */
public record PoolOffer(
        String name,
        Map<String, String> labels,
        Map<String, String> nodeSelector,
        String gpuProduct,
        Integer gpuMemoryMiB,
        String migStrategy,
        int timeSlicingReplicas,
        int cost) {

    boolean hasGpus() {
        return gpuProduct != null && !gpuProduct.isBlank();
    }

    boolean selects(NodeCapacity node) {
        return node.labels().entrySet().containsAll(nodeSelector.entrySet());
    }
}
