package network.synod.operator.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Condition;

/** The nodes a pool currently has and how much of their GPU capacity is taken. */
public class GpuPoolStatus {
    private Long observedGeneration;
    private List<Condition> conditions = new ArrayList<>();
    private List<String> nodes = new ArrayList<>();
    /** Allocatable extended resources summed over the pool's nodes, e.g. nvidia.com/gpu: 16. */
    private Map<String, Long> allocatable = new LinkedHashMap<>();
    /** The same resources taken by pods bound to the pool's nodes and by workers placed on the pool. */
    private Map<String, Long> allocated = new LinkedHashMap<>();

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

    public List<String> getNodes() {
        return nodes;
    }

    public void setNodes(List<String> nodes) {
        this.nodes = nodes;
    }

    public Map<String, Long> getAllocatable() {
        return allocatable;
    }

    public void setAllocatable(Map<String, Long> allocatable) {
        this.allocatable = allocatable;
    }

    public Map<String, Long> getAllocated() {
        return allocated;
    }

    public void setAllocated(Map<String, Long> allocated) {
        this.allocated = allocated;
    }
}
