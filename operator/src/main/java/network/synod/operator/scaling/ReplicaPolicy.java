package network.synod.operator.scaling;

import java.time.Duration;
import java.time.Instant;

/**
 * Computes a worker's desired replicas from demand: {@code ceil(inFlight / targetInFlightPerReplica)} within
 * [max(min, 1), max] while requests are in flight, {@code max(min, 1)} while idle, and zero once the worker has been
 * idle for the configured time (only when min is 0). {@code min} is the Worker's spec.replicas, the field
 * {@code kubectl scale} sets, and wins over a smaller max.
 *
 * <p>Idle time counts from readiness, not from the scale-up: while an activation is under way (replicas asked for,
 * none ready yet) the worker is not scaled to zero for idleness, however long its cold start takes, up to
 * {@link #ACTIVATION_DEADLINE} (Kubernetes' default progress deadline for a Deployment), after which an idle worker
 * whose replica never became ready gives the capacity back. Counting from the scale-up scaled a worker whose cold
 * start outlasted the idle time back to zero before it was ready: its replica was stopped as soon as it came up,
 * the gateway held it dormant, and the activation never completed.
 */
public final class ReplicaPolicy {

    /** How long an activation may wait for a ready replica before an idle worker goes back to zero. */
    public static final Duration ACTIVATION_DEADLINE = Duration.ofMinutes(10);

    private ReplicaPolicy() {}

    /**
     * @param bounds   the worker's scaling limits
     * @param demand   current demand, or null when the gateway could not be asked
     * @param current     replicas the worker runs now, or null for a new worker
     * @param activeSince when the worker's replica last became ready after waking from zero (or when it woke, while
     *                    no replica is ready yet); idle time counts from here or from the last request, whichever is
     *                    later
     * @param activatingSince when the activation under way began (replicas asked for at zero, none ready yet), or
     *                    null when none is
     * @param now         the present instant
     * @return the desired replicas and the reason
     */
    public static ScalingDecision decide(
            ScalingBounds bounds,
            Demand demand,
            Integer current,
            Instant activeSince,
            Instant activatingSince,
            Instant now) {
        int running = current == null ? 0 : current;
        int floor = Math.max(bounds.minReplicas(), 1);
        int ceiling = Math.max(bounds.maxReplicas(), bounds.minReplicas());
        if (demand == null) {
            // Without demand figures keep what runs; a new worker starts warm with its floor.
            int keep = current == null ? Math.min(floor, ceiling) : running;
            return decision(keep, "DemandUnknown", running);
        }
        if (demand.inFlight() > 0) {
            int wanted = ceilDiv(demand.inFlight(), Math.max(1, bounds.targetInFlightPerReplica()));
            return decision(clamp(wanted, floor, ceiling), "Demand", running);
        }
        if (bounds.minReplicas() > 0) {
            return decision(Math.min(bounds.minReplicas(), ceiling), "Idle", running);
        }
        if (current != null && running == 0) {
            // Once at zero, stay there until requests are in flight again: activation is driven by demand.
            return decision(0, "ScaledToZero", running);
        }
        if (activatingSince != null && running > 0) {
            // The idle clock starts when a replica is ready; a cold start is not idleness.
            boolean stuck = !Duration.between(activatingSince, now)
                    .minus(ACTIVATION_DEADLINE)
                    .isNegative();
            return stuck
                    ? decision(0, "ActivationDeadlineExceeded", running)
                    : decision(Math.min(floor, ceiling), "Activating", running);
        }
        Instant idleSince = latest(demand.lastRequestAt(), activeSince);
        boolean idleLongEnough = idleSince != null
                && !Duration.between(idleSince, now)
                        .minus(bounds.idleBeforeScaleToZero())
                        .isNegative();
        if (idleLongEnough) {
            return decision(0, "ScaledToZero", running);
        }
        return decision(Math.min(floor, ceiling), "Idle", running);
    }

    private static ScalingDecision decision(int replicas, String reason, int running) {
        return new ScalingDecision(replicas, reason, running == 0 && replicas > 0);
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.isAfter(b) ? a : b;
    }

    private static int clamp(int value, int low, int high) {
        return Math.max(Math.min(value, high), Math.min(low, high));
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
