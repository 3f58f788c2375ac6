package network.synod.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;

/** Upper bound and targets for demand-driven scaling, including scale to zero after an idle time. */
public class ScalingSpec {
    @Min(0)
    @JsonPropertyDescription("Most replicas demand may ask for (spec.replicas wins when larger).")
    private Integer maxReplicas = 1;

    @Min(1)
    @JsonPropertyDescription("In-flight requests one replica should carry.")
    private Integer targetInFlightPerReplica = 4;

    @Min(0)
    @JsonPropertyDescription("Seconds without requests before the worker scales to zero (needs spec.replicas 0).")
    private Integer idleSecondsBeforeScaleToZero = 300;

    public Integer getMaxReplicas() {
        return maxReplicas;
    }

    public void setMaxReplicas(Integer maxReplicas) {
        this.maxReplicas = maxReplicas;
    }

    public Integer getTargetInFlightPerReplica() {
        return targetInFlightPerReplica;
    }

    public void setTargetInFlightPerReplica(Integer targetInFlightPerReplica) {
        this.targetInFlightPerReplica = targetInFlightPerReplica;
    }

    public Integer getIdleSecondsBeforeScaleToZero() {
        return idleSecondsBeforeScaleToZero;
    }

    public void setIdleSecondsBeforeScaleToZero(Integer idleSecondsBeforeScaleToZero) {
        this.idleSecondsBeforeScaleToZero = idleSecondsBeforeScaleToZero;
    }
}
