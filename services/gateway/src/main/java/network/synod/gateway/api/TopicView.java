package network.synod.gateway.api;

import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;

import network.synod.core.events.TopicSpec;
import network.synod.gateway.registry.TopicRuntime;
import network.synod.gateway.registry.WorkerEndpoint;

/**
 * A topic as the read API shows it, with the demand the operator scales by, the workers it marked dormant (scaled
 * to zero), and the workers in quarantine with the reason (the operator scales those to zero too).
 */
public record TopicView(
        String name,
        TopicSpec spec,
        List<WorkerEndpoint> workers,
        long stateEpoch,
        SortedMap<String, Double> weights,
        int inFlight,
        String lastRequestAt,
        SortedSet<String> dormant,
        SortedMap<String, String> quarantined) {

    static TopicView of(TopicRuntime t) {
        List<WorkerEndpoint> workers = t.workers();
        return new TopicView(
                t.name(),
                t.spec(),
                workers,
                t.stateEpoch(),
                t.state().allora().lastWeights(),
                t.inFlight(),
                t.lastRequestAt() == null ? null : t.lastRequestAt().toString(),
                t.activity().dormant(workers),
                new TreeMap<>(t.quarantined()));
    }
}
