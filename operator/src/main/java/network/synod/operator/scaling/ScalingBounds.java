package network.synod.operator.scaling;

import java.time.Duration;

/**
 * The limits a worker scales within.
 *
 * @param minReplicas              fewest replicas (spec.replicas); 0 allows scale to zero
 * @param maxReplicas              most replicas
 * @param targetInFlightPerReplica in-flight requests one replica should carry
 * @param idleBeforeScaleToZero    quiet time after the last request before scaling to zero
 */
public record ScalingBounds(
        int minReplicas, int maxReplicas, int targetInFlightPerReplica, Duration idleBeforeScaleToZero) {}
