package network.synod.operator.api;

import java.util.ArrayList;
import java.util.List;

import io.fabric8.kubernetes.api.model.Condition;

/** What the operator last observed about a topic. */
public class TopicStatus {
    private Long observedGeneration;
    private List<Condition> conditions = new ArrayList<>();
    private List<String> registeredWorkers = new ArrayList<>();
    private Double latestNetworkLoss;

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

    public List<String> getRegisteredWorkers() {
        return registeredWorkers;
    }

    public void setRegisteredWorkers(List<String> registeredWorkers) {
        this.registeredWorkers = registeredWorkers;
    }

    public Double getLatestNetworkLoss() {
        return latestNetworkLoss;
    }

    public void setLatestNetworkLoss(Double latestNetworkLoss) {
        this.latestNetworkLoss = latestNetworkLoss;
    }
}
