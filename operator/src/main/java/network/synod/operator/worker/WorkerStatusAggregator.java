package network.synod.operator.worker;

import java.time.Instant;

import network.synod.operator.api.WorkerStatus;
import network.synod.operator.placement.Placement;
import network.synod.operator.status.Conditions;

/**
 * The one place a Worker's conditions are written: Scheduled, Ready, Quarantined and Registered, each stamped with
 * the generation it describes.
 */
public final class WorkerStatusAggregator {
    public static final String SCHEDULED = "Scheduled";
    public static final String READY = "Ready";
    public static final String QUARANTINED = "Quarantined";
    public static final String REGISTERED = "Registered";

    private final WorkerStatus status;
    private final Long generation;
    private final Instant now;

    public WorkerStatusAggregator(WorkerStatus status, Long generation, Instant now) {
        this.status = status;
        this.generation = generation;
        this.now = now;
        status.setObservedGeneration(generation);
    }

    /** The spec is invalid: nothing is scheduled, ready or registered until it is fixed. */
    public void invalid(String problems) {
        set(SCHEDULED, false, "InvalidSpec", problems);
        set(READY, false, "InvalidSpec", problems);
        set(REGISTERED, false, "InvalidSpec", "not registered while the spec is invalid");
    }

    /** Records the placement outcome. */
    public void scheduled(Placement placement) {
        set(SCHEDULED, placement.scheduled(), placement.reason(), placement.message());
    }

    /** A worker outside the cluster needs no placement. */
    public void external(String endpoint) {
        set(SCHEDULED, true, "External", "served outside the cluster at " + endpoint);
        set(READY, true, "External", "readiness of external workers is judged by the gateway");
    }

    /** Readiness of an in-cluster worker from its Deployment. */
    public void replicas(boolean scheduled, int desired, int ready) {
        if (!scheduled) {
            set(READY, false, "Unscheduled", "waiting for a GpuPool with free capacity");
        } else if (desired == 0) {
            set(READY, false, "ScaledToZero", "scaled to zero; starts again when requests arrive");
        } else if (ready > 0) {
            set(READY, true, "ReplicasReady", ready + " of " + desired + " replicas ready");
        } else {
            set(READY, false, "ReplicasNotReady", "0 of " + desired + " replicas ready");
        }
    }

    /** Whether verification has taken the worker out of the network. */
    public void quarantine(String reason) {
        if (reason == null) {
            set(QUARANTINED, false, "NotQuarantined", "serving normally");
        } else {
            set(QUARANTINED, true, "Quarantined", reason.isBlank() ? "quarantined" : reason);
        }
    }

    /** Outcome of the gateway registration step. */
    public void registration(WorkerRegistrar.Result result) {
        set(REGISTERED, result.registered(), result.reason(), result.message());
    }

    private void set(String type, boolean value, String reason, String message) {
        status.setConditions(Conditions.set(status.getConditions(), type, value, reason, message, generation, now));
    }
}
