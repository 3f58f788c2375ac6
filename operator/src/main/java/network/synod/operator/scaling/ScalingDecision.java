package network.synod.operator.scaling;

/**
 * How many replicas a worker should run and why.
 *
 * @param replicas   desired replicas
 * @param reason     Demand, Idle, ScaledToZero or DemandUnknown
 * @param activation whether this decision wakes the worker from zero replicas
 */
public record ScalingDecision(int replicas, String reason, boolean activation) {}
