package network.synod.operator.api;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.model.annotation.SpecReplicas;

/** Which topics a worker answers, with which model, on which hardware, and how it scales. */
public class WorkerSpec {
    @Required
    @JsonPropertyDescription("Topics this worker answers.")
    private List<String> topics = new ArrayList<>();

    @Pattern("^(inferer|forecaster)$")
    @JsonPropertyDescription("Role the gateway gives this worker: inferer or forecaster.")
    private String role = "inferer";

    @Required
    private ModelSpec model = new ModelSpec();

    @JsonPropertyDescription("GPU request; absent means a CPU-only worker.")
    private GpuRequest gpu;

    @JsonPropertyDescription("GpuPool to run on, by name or by label selector; absent means any matching pool.")
    private PoolSelection pool;

    @Min(0)
    @Default("0")
    @SpecReplicas
    @JsonPropertyDescription("Fewest replicas (the scale subresource, so kubectl scale sets it); demand adds more up to"
            + " scaling.maxReplicas; 0 lets the worker scale to zero when idle.")
    private Integer replicas = 0;

    private ScalingSpec scaling = new ScalingSpec();

    @Pattern("^https?://[^\\s/]+(/\\S*)?$")
    @JsonPropertyDescription("URL of a worker running outside the cluster; no Deployment is created for it.")
    private String externalEndpoint;

    @JsonPropertyDescription("Container image; defaults to the operator's synod.operator.worker-image.")
    private String image;

    public List<String> getTopics() {
        return topics;
    }

    public void setTopics(List<String> topics) {
        this.topics = topics;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public ModelSpec getModel() {
        return model;
    }

    public void setModel(ModelSpec model) {
        this.model = model;
    }

    public GpuRequest getGpu() {
        return gpu;
    }

    public void setGpu(GpuRequest gpu) {
        this.gpu = gpu;
    }

    public PoolSelection getPool() {
        return pool;
    }

    public void setPool(PoolSelection pool) {
        this.pool = pool;
    }

    public Integer getReplicas() {
        return replicas;
    }

    public void setReplicas(Integer replicas) {
        this.replicas = replicas;
    }

    public ScalingSpec getScaling() {
        return scaling;
    }

    public void setScaling(ScalingSpec scaling) {
        this.scaling = scaling;
    }

    public String getExternalEndpoint() {
        return externalEndpoint;
    }

    public void setExternalEndpoint(String externalEndpoint) {
        this.externalEndpoint = externalEndpoint;
    }

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }
}
