package network.synod.operator.placement;

/**
 * The outcome of placement for one worker.
 *
 * @param worker    namespace/name of the worker
 * @param scheduled whether a pool was found
 * @param pool      chosen pool; null when unscheduled or for a CPU-only worker that named no pool
 * @param resource  extended resource per replica (nvidia.com/gpu, nvidia.com/mig-...); null for CPU-only
 * @param amount    amount of that resource per replica
 * @param reason    CamelCase reason for the Scheduled condition
 * @param message   human-readable explanation
 */
public record Placement(
        String worker, boolean scheduled, String pool, String resource, int amount, String reason, String message) {

    static Placement unscheduled(GpuDemand demand, String reason, String message) {
        return new Placement(demand.worker(), false, null, null, 0, reason, message);
    }

    /** Whether the worker runs on a GPU (whole, MIG slice or time slice). */
    public boolean usesGpu() {
        return resource != null;
    }
}
