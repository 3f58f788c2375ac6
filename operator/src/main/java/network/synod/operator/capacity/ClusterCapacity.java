package network.synod.operator.capacity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.Serialization;

import network.synod.operator.api.GpuPool;
import network.synod.operator.placement.NodeCapacity;
import network.synod.operator.placement.PoolOffer;

/**
 * What placement sees of the cluster: the GpuPools, what they offer, and the free GPU capacity of every schedulable
 * node. It is built from the informer caches and rebuilt only after a Node, Pod or GpuPool event that can change it
 * ({@link #changed()}), so a reconcile no longer walks every node and every pod of the cluster.
 */
public final class ClusterCapacity {

    /**
     * One consistent view.
     *
     * @param version the change count it was built at; a newer count means it is stale
     * @param pools   the GpuPools
     * @param offers  what each pool offers
     * @param nodes   free capacity per schedulable node
     */
    public record Snapshot(long version, List<GpuPool> pools, List<PoolOffer> offers, List<NodeCapacity> nodes) {}

    private final AtomicLong version = new AtomicLong();
    private final AtomicReference<Snapshot> latest = new AtomicReference<>();

    /** Records that nodes, capacity-holding pods or pools changed; the next {@link #snapshot} rebuilds. */
    public void changed() {
        version.incrementAndGet();
    }

    /**
     * The current view, rebuilt from the given caches only when something changed since the last build. The version
     * is read before the caches, so a build that raced with a change carries the older version and is rebuilt by the
     * next caller.
     */
    public Snapshot snapshot(
            Supplier<? extends Collection<Node>> nodes,
            Supplier<? extends Collection<Pod>> pods,
            Supplier<? extends Collection<GpuPool>> pools) {
        long v = version.get();
        Snapshot s = latest.get();
        if (s != null && s.version() == v) {
            return s;
        }
        List<GpuPool> poolList = List.copyOf(pools.get());
        Snapshot built = new Snapshot(
                v,
                poolList,
                PlacementInputs.offers(poolList),
                List.copyOf(PlacementInputs.nodes(nodes.get(), pods.get())));
        latest.accumulateAndGet(
                built, (current, next) -> current == null || next.version() >= current.version() ? next : current);
        return built;
    }

    /** Whether a node event can change capacity: added, deleted, or its labels, cordon or allocatable changed. */
    public static boolean nodeChanged(Node old, Node now) {
        if (old == null || now == null) {
            return true;
        }
        return !Objects.equals(old.getMetadata().getLabels(), now.getMetadata().getLabels())
                || !Objects.equals(unschedulable(old), unschedulable(now))
                || !Objects.equals(allocatable(old), allocatable(now));
    }

    /** Whether a pod event can change capacity: only pods outside Synod that hold GPU resources count. */
    public static boolean podChanged(Pod old, Pod now) {
        return PlacementInputs.countsAgainstCapacity(old) || PlacementInputs.countsAgainstCapacity(now);
    }

    /** Whether a pool event changes what it offers: added, deleted, or its spec or labels changed (not its status). */
    public static boolean poolChanged(GpuPool old, GpuPool now) {
        if (old == null || now == null) {
            return true;
        }
        return !Objects.equals(old.getMetadata().getLabels(), now.getMetadata().getLabels())
                || !Serialization.asJson(old.getSpec()).equals(Serialization.asJson(now.getSpec()));
    }

    private static Boolean unschedulable(Node node) {
        return node.getSpec() == null ? null : node.getSpec().getUnschedulable();
    }

    private static Map<String, ?> allocatable(Node node) {
        return node.getStatus() == null ? null : node.getStatus().getAllocatable();
    }
}
