package network.synod.gateway.registry;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

import network.synod.core.events.TopicSpec;
import network.synod.core.refusal.Refusal;

/** The topics this gateway serves, loaded from PostgreSQL at start and kept in memory for the hot path. */
@ApplicationScoped
public class Topics {

    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    @Inject
    TopicStore store;

    private final Map<String, TopicRuntime> topics = new ConcurrentHashMap<>();

    void load(@Observes StartupEvent start) {
        store.loadAll().await().indefinitely().forEach(t -> topics.put(t.name(), t));
    }

    public TopicRuntime require(String name) {
        TopicRuntime t = topics.get(name);
        if (t == null) {
            throw Refusal.notFound("unknown topic '" + name + "'");
        }
        return t;
    }

    public Collection<TopicRuntime> all() {
        return topics.values();
    }

    public TopicRuntime find(String name) {
        return topics.get(name);
    }

    public Uni<TopicRuntime> put(String name, TopicSpec spec) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw Refusal.invalid("a topic name must match " + NAME.pattern() + ", got '" + name + "'");
        }
        TopicSpec normalised = (spec == null
                        ? new TopicSpec(null, null, null, null, null, null, null, null, null)
                        : spec)
                .normalised();
        return store.saveTopic(name, normalised)
                .map(v -> topics.compute(
                        name,
                        (k, old) -> old == null ? new TopicRuntime(name, normalised) : old.respecified(normalised)));
    }

    public Uni<Boolean> delete(String name) {
        return store.deleteTopic(name).invoke(deleted -> topics.remove(name));
    }

    public Uni<WorkerEndpoint> putWorker(String topic, WorkerEndpoint w) {
        TopicRuntime t = require(topic);
        return store.saveWorker(topic, w).invoke(() -> t.putWorker(w)).replaceWith(w);
    }

    public Uni<Boolean> deleteWorker(String topic, String worker) {
        TopicRuntime t = require(topic);
        return store.deleteWorker(topic, worker).invoke(deleted -> t.removeWorker(worker));
    }
}
