package network.synod.gateway;

import java.util.List;
import java.util.SortedMap;

import network.synod.core.events.TopicSpec;

/** A topic as the read API shows it, with the demand the operator scales by. */
public record TopicView(String name, TopicSpec spec, List<WorkerEndpoint> workers, long stateEpoch,
        SortedMap<String, Double> weights, int inFlight, String lastRequestAt) {

    static TopicView of(TopicRuntime t) {
        return new TopicView(t.name(), t.spec(), t.workers(), t.stateEpoch(), t.state().allora().lastWeights(),
                t.inFlight(), t.lastRequestAt() == null ? null : t.lastRequestAt().toString());
    }
}
