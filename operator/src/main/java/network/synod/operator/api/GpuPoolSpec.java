package network.synod.operator.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.Toleration;

/** Which nodes form the pool, what GPUs they carry, and what using them costs. */
public class GpuPoolSpec {
    @Required
    @JsonPropertyDescription("Node labels selecting the pool's nodes; also written as the workers' nodeSelector.")
    private Map<String, String> nodeSelector = new LinkedHashMap<>();

    @JsonPropertyDescription("Taints of the pool's nodes that workers must tolerate (besides nvidia.com/gpu).")
    private List<Toleration> tolerations = new ArrayList<>();

    @JsonPropertyDescription(
            "GPU product as GPU Feature Discovery labels it (nvidia.com/gpu.product); empty for CPU-only pools.")
    private String gpuProduct;

    @Min(0)
    @JsonPropertyDescription("Memory per GPU in MiB (nvidia.com/gpu.memory).")
    private Integer gpuMemoryMiB;

    @Min(0)
    @JsonPropertyDescription("GPUs per node.")
    private Integer gpusPerNode = 0;

    @Pattern("^(none|single|mixed)$")
    @JsonPropertyDescription("MIG strategy of the device plugin: none, single or mixed.")
    private String migStrategy = "none";

    @Min(1)
    @JsonPropertyDescription("Time-slicing replicas per GPU (nvidia.com/gpu.replicas); 1 means no sharing.")
    private Integer timeSlicingReplicas = 1;

    @Min(0)
    @JsonPropertyDescription("Relative cost; cheaper pools are tried first.")
    private Integer cost = 0;

    public Map<String, String> getNodeSelector() {
        return nodeSelector;
    }

    public void setNodeSelector(Map<String, String> nodeSelector) {
        this.nodeSelector = nodeSelector;
    }

    public List<Toleration> getTolerations() {
        return tolerations;
    }

    public void setTolerations(List<Toleration> tolerations) {
        this.tolerations = tolerations;
    }

    public String getGpuProduct() {
        return gpuProduct;
    }

    public void setGpuProduct(String gpuProduct) {
        this.gpuProduct = gpuProduct;
    }

    public Integer getGpuMemoryMiB() {
        return gpuMemoryMiB;
    }

    public void setGpuMemoryMiB(Integer gpuMemoryMiB) {
        this.gpuMemoryMiB = gpuMemoryMiB;
    }

    public Integer getGpusPerNode() {
        return gpusPerNode;
    }

    public void setGpusPerNode(Integer gpusPerNode) {
        this.gpusPerNode = gpusPerNode;
    }

    public String getMigStrategy() {
        return migStrategy;
    }

    public void setMigStrategy(String migStrategy) {
        this.migStrategy = migStrategy;
    }

    public Integer getTimeSlicingReplicas() {
        return timeSlicingReplicas;
    }

    public void setTimeSlicingReplicas(Integer timeSlicingReplicas) {
        this.timeSlicingReplicas = timeSlicingReplicas;
    }

    public Integer getCost() {
        return cost;
    }

    public void setCost(Integer cost) {
        this.cost = cost;
    }
}
