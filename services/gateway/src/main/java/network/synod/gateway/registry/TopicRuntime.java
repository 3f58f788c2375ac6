package network.synod.gateway.registry;

import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import network.synod.core.events.TopicSpec;
import network.synod.core.synthesis.TopicParams;
import network.synod.core.synthesis.TopicState;
import network.synod.gateway.activation.TopicActivity;

/**
 * A topic as the gateway serves it: its spec, its workers, the latest learnt state that scoring published,
 * and the demand the operator scales workers by.
 */
public final class TopicRuntime {

    private final String name;
    private final TopicSpec spec;
    private final TopicParams params;
    private final SortedMap<String, WorkerEndpoint> workers = new TreeMap<>();
    private final java.util.Map<String, String> quarantined = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile TopicState state = TopicState.initial();
    private volatile long stateEpoch = -1;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong nextEpoch = new AtomicLong();
    private volatile Instant lastRequestAt;
    private TopicActivity activity = new TopicActivity();

    TopicRuntime(String name, TopicSpec spec) {
        this.name = name;
        this.spec = spec.normalised();
        this.params = spec.toParams();
    }

    /** The same topic with a new spec, keeping workers and learnt state. */
    TopicRuntime respecified(TopicSpec newSpec) {
        TopicRuntime t = new TopicRuntime(name, newSpec);
        synchronized (workers) {
            t.workers.putAll(workers);
        }
        t.quarantined.putAll(quarantined);
        t.state = state;
        t.stateEpoch = stateEpoch;
        t.nextEpoch.set(nextEpoch.get());
        t.activity = activity;
        return t;
    }

    public String name() {
        return name;
    }

    public TopicSpec spec() {
        return spec;
    }

    public TopicParams params() {
        return params;
    }

    public List<WorkerEndpoint> workers() {
        synchronized (workers) {
            return List.copyOf(workers.values());
        }
    }

    /** The workers requests go to: every registered one not in quarantine. */
    public List<WorkerEndpoint> routable() {
        return workers().stream()
                .filter(w -> !quarantined.containsKey(w.name()))
                .toList();
    }

    /** Quarantined workers and why; the gateway stops routing to them until an admin lifts it. */
    public java.util.Map<String, String> quarantined() {
        return new TreeMap<>(quarantined);
    }

    public void quarantine(String worker, String reason) {
        quarantined.put(worker, reason == null ? "" : reason);
    }

    public boolean release(String worker) {
        return quarantined.remove(worker) != null;
    }

    void putWorker(WorkerEndpoint w) {
        synchronized (workers) {
            workers.put(w.name(), w);
        }
    }

    boolean removeWorker(String worker) {
        boolean removed;
        synchronized (workers) {
            removed = workers.remove(worker) != null;
        }
        activity.wake(worker);
        return removed;
    }

    /** Which workers are dormant (scaled to zero) and who waits for them; see {@link Activations}. */
    public TopicActivity activity() {
        return activity;
    }

    public TopicState state() {
        return state;
    }

    public long stateEpoch() {
        return stateEpoch;
    }

    /** Applies a state scoring published; older or repeated updates (redeliveries) change nothing. */
    synchronized boolean applyState(long epoch, TopicState next) {
        if (epoch <= stateEpoch) {
            return false;
        }
        state = next;
        stateEpoch = epoch;
        nextEpoch.accumulateAndGet(epoch + 1, Math::max);
        return true;
    }

    /** The epoch of a request that names none: one past the latest the topic has seen. */
    public long epochFor(Long requested) {
        if (requested != null) {
            nextEpoch.accumulateAndGet(requested + 1, Math::max);
            return requested;
        }
        return nextEpoch.getAndIncrement();
    }

    public void started() {
        inFlight.incrementAndGet();
        lastRequestAt = Instant.now();
    }

    public void finished() {
        inFlight.decrementAndGet();
    }

    public int inFlight() {
        return inFlight.get();
    }

    public Instant lastRequestAt() {
        return lastRequestAt;
    }
}
