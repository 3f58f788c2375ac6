package network.synod.gateway.activation;

import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import network.synod.gateway.registry.WorkerEndpoint;

/**
 * Which of a topic's workers are dormant (scaled to zero, as the operator reports through the admin API) and who is
 * waiting for one to wake. Shared by every {@link TopicRuntime} of the topic, so a new spec keeps it.
 */
public final class TopicActivity {

    private final Set<String> dormant = ConcurrentHashMap.newKeySet();
    private final Set<Runnable> waiters = ConcurrentHashMap.newKeySet();

    /** Whether no worker is dormant: the common case, checked first on the hot path. */
    boolean allAwake() {
        return dormant.isEmpty();
    }

    boolean dormant(String worker) {
        return dormant.contains(worker);
    }

    /** The dormant workers among {@code registered}. */
    public SortedSet<String> dormant(List<WorkerEndpoint> registered) {
        SortedSet<String> out = new TreeSet<>();
        registered.stream().map(WorkerEndpoint::name).filter(dormant::contains).forEach(out::add);
        return out;
    }

    void sleep(String worker) {
        dormant.add(worker);
    }

    /** Marks the worker awake (or gone) and lets every waiter look again. */
    public void wake(String worker) {
        if (dormant.remove(worker)) {
            waiters.forEach(Runnable::run);
        }
    }

    /** Makes {@code marks} the dormant workers (as stored), letting waiters look again if any woke. */
    void replace(Set<String> marks) {
        dormant.addAll(marks);
        if (dormant.retainAll(marks)) {
            waiters.forEach(Runnable::run);
        }
    }

    /** Runs {@code check} whenever a worker wakes; the returned action stops that. */
    Runnable onWake(Runnable check) {
        waiters.add(check);
        return () -> waiters.remove(check);
    }
}
