package network.synod.operator.api;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Restricts a worker to one GpuPool by name, or to the pools whose labels match a selector. */
public class PoolSelection {
    @JsonPropertyDescription("Name of the GpuPool.")
    private String name;

    @JsonPropertyDescription("Labels a GpuPool must carry.")
    private Map<String, String> selector;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Map<String, String> getSelector() {
        return selector;
    }

    public void setSelector(Map<String, String> selector) {
        this.selector = selector;
    }
}
