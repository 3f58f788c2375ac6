package network.synod.operator.placement;

import java.util.Map;

/**
 * What one worker asks of placement.
 *
 * @param worker       namespace/name of the worker
 * @param gpuCount     GPUs (or MIG slices) per replica; 0 for CPU-only
 * @param product      required GPU product substring, or null
 * @param minMemoryMiB minimum memory per GPU (or per MIG slice), or null
 * @param migProfile   MIG profile such as 1g.10gb, or null
 * @param fraction     fraction of one time-sliced GPU, or null
 * @param poolName     required pool name, or null
 * @param poolSelector required pool labels, or null
 * @param replicas     replicas to reserve capacity for (at least one is always reserved)
 * @param currentPool  pool chosen by an earlier pass, kept while it still matches; null if none
 */
public record GpuDemand(
        String worker,
        int gpuCount,
        String product,
        Integer minMemoryMiB,
        String migProfile,
        Double fraction,
        String poolName,
        Map<String, String> poolSelector,
        int replicas,
        String currentPool) {

    /**
     * Whether this demand takes capacity from nodes (whole GPUs, MIG slices or time slices). A demand that does not
     * neither depends on nor changes what other workers get, so a pass may leave it out.
     */
    public boolean needsCapacity() {
        return !cpuOnly();
    }

    boolean cpuOnly() {
        return gpuCount <= 0 && migProfile == null && fraction == null;
    }

    boolean constrainsPool() {
        return poolName != null || (poolSelector != null && !poolSelector.isEmpty());
    }
}
