package network.synod.operator.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Toleration;

/**
 * The scheduling a placement decided for a worker, kept in status so the Deployment is a pure function of the
 * Worker.
 */
public class PlacementStatus {
    private String pool;
    private Map<String, String> nodeSelector = new LinkedHashMap<>();
    private List<Toleration> tolerations = new ArrayList<>();
    /** Extended resource per replica: nvidia.com/gpu or nvidia.com/mig-&lt;profile&gt;; null for CPU-only. */
    private String gpuResource;

    private Integer gpuCount;
    /** SYNOD_DEVICE for the worker process: cpu or gpu. */
    private String device = "cpu";

    public String getPool() {
        return pool;
    }

    public void setPool(String pool) {
        this.pool = pool;
    }

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

    public String getGpuResource() {
        return gpuResource;
    }

    public void setGpuResource(String gpuResource) {
        this.gpuResource = gpuResource;
    }

    public Integer getGpuCount() {
        return gpuCount;
    }

    public void setGpuCount(Integer gpuCount) {
        this.gpuCount = gpuCount;
    }

    public String getDevice() {
        return device;
    }

    public void setDevice(String device) {
        this.device = device;
    }
}
