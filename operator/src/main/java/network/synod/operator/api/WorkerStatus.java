package network.synod.operator.api;

import java.util.ArrayList;
import java.util.List;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.model.annotation.LabelSelector;
import io.fabric8.kubernetes.model.annotation.StatusReplicas;

/** Where a worker was placed, how many replicas it runs, and whether it is ready and registered. */
public class WorkerStatus {
    private Long observedGeneration;
    private List<Condition> conditions = new ArrayList<>();
    /** The GpuPool chosen by placement; null while unscheduled or for CPU-only workers without pools. */
    private String pool;

    private PlacementStatus placement;
    /** Replicas the operator wants (also the scale subresource's status.replicas). */
    @StatusReplicas
    private Integer replicas;

    private Integer readyReplicas;

    @LabelSelector
    private String selector;

    private String endpoint;
    private String digest;
    private List<String> registeredTopics = new ArrayList<>();
    /** When the worker last scaled up from zero and is still waiting for its first ready replica. */
    private String activationStartedAt;

    private Double lastColdStartSeconds;
    /**
     * When the worker last woke from zero replicas (or was first started), moved on to its first ready replica; idle
     * time counts from here.
     */
    private String lastActivatedAt;

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    public List<Condition> getConditions() {
        return conditions;
    }

    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions;
    }

    public String getPool() {
        return pool;
    }

    public void setPool(String pool) {
        this.pool = pool;
    }

    public PlacementStatus getPlacement() {
        return placement;
    }

    public void setPlacement(PlacementStatus placement) {
        this.placement = placement;
    }

    public Integer getReplicas() {
        return replicas;
    }

    public void setReplicas(Integer replicas) {
        this.replicas = replicas;
    }

    public Integer getReadyReplicas() {
        return readyReplicas;
    }

    public void setReadyReplicas(Integer readyReplicas) {
        this.readyReplicas = readyReplicas;
    }

    public String getSelector() {
        return selector;
    }

    public void setSelector(String selector) {
        this.selector = selector;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public String getDigest() {
        return digest;
    }

    public void setDigest(String digest) {
        this.digest = digest;
    }

    public List<String> getRegisteredTopics() {
        return registeredTopics;
    }

    public void setRegisteredTopics(List<String> registeredTopics) {
        this.registeredTopics = registeredTopics;
    }

    public String getActivationStartedAt() {
        return activationStartedAt;
    }

    public void setActivationStartedAt(String activationStartedAt) {
        this.activationStartedAt = activationStartedAt;
    }

    public Double getLastColdStartSeconds() {
        return lastColdStartSeconds;
    }

    public void setLastColdStartSeconds(Double lastColdStartSeconds) {
        this.lastColdStartSeconds = lastColdStartSeconds;
    }

    public String getLastActivatedAt() {
        return lastActivatedAt;
    }

    public void setLastActivatedAt(String lastActivatedAt) {
        this.lastActivatedAt = lastActivatedAt;
    }
}
