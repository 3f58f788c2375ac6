package network.synod.gateway;

import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;

import network.synod.core.events.TopicSpec;

/**
 * A topic as the read API shows it, with the demand the operator scales by and the workers it marked dormant
 * (scaled to zero).
 */
public record TopicView(String name, TopicSpec spec, List<WorkerEndpoint> workers, long stateEpoch,
        SortedMap<String, Double> weights, int inFlight, String lastRequestAt, SortedSet<String> dormant) {

    static TopicView of(TopicRuntime t) {
        List<WorkerEndpoint> workers = t.workers();
        return new TopicView(t.name(), t.spec(), workers, t.stateEpoch(), t.state().allora().lastWeights(),
                t.inFlight(), t.lastRequestAt() == null ? null : t.lastRequestAt().toString(),
                t.activity().dormant(workers));
    }
}
