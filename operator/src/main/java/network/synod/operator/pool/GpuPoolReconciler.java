package network.synod.operator.pool;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.rate.RateLimited;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;

import network.synod.operator.api.GpuPool;
import network.synod.operator.api.GpuPoolStatus;
import network.synod.operator.api.PlacementStatus;
import network.synod.operator.api.Worker;
import network.synod.operator.capacity.PlacementInputs;
import network.synod.operator.placement.NodeCapacity;
import network.synod.operator.placement.PoolOffer;
import network.synod.operator.status.Conditions;

/**
 * Reports a GpuPool's nodes and GPU capacity: allocatable from the nodes, allocated from other pods on them plus the
 * workers placed on the pool.
 */
@ControllerConfiguration(name = "gpupool")
// Each Worker placed on a pool changes what the pool reports. While many workers are placed at once, a pool reconciles
// (and writes its status) at most once a second; events in between are folded into the next reconcile.
@RateLimited(maxReconciliations = 1, within = 1, unit = TimeUnit.SECONDS)
public class GpuPoolReconciler implements Reconciler<GpuPool> {
    private static final Duration REFRESH = Duration.ofSeconds(30);

    private InformerEventSource<Node, GpuPool> nodes;
    private InformerEventSource<Pod, GpuPool> pods;
    private InformerEventSource<Worker, GpuPool> workers;

    @Override
    public List<EventSource<?, GpuPool>> prepareEventSources(EventSourceContext<GpuPool> context) {
        IndexerResourceCache<GpuPool> pools = context.getPrimaryCache();
        nodes = new InformerEventSource<>(
                InformerEventSourceConfiguration.from(Node.class, GpuPool.class)
                        .withName("pool-nodes")
                        .withWatchAllNamespaces()
                        .withSecondaryToPrimaryMapper(node -> pools.list(p -> selects(p, node))
                                .map(ResourceID::fromResource)
                                .collect(Collectors.toSet()))
                        .build(),
                context);
        // Pod churn is frequent; pools refresh from pods on their periodic reconcile instead of on every pod event.
        pods = new InformerEventSource<>(
                InformerEventSourceConfiguration.from(Pod.class, GpuPool.class)
                        .withName("pool-pods")
                        .withWatchAllNamespaces()
                        .withSecondaryToPrimaryMapper(pod -> Set.of())
                        .build(),
                context);
        workers = new InformerEventSource<>(
                InformerEventSourceConfiguration.from(Worker.class, GpuPool.class)
                        .withName("pool-workers")
                        .withWatchAllNamespaces()
                        .withSecondaryToPrimaryMapper(
                                w -> w.getStatus() == null || w.getStatus().getPool() == null
                                        ? Set.of()
                                        : Set.of(new ResourceID(w.getStatus().getPool())))
                        .build(),
                context);
        return List.of(nodes, pods, workers);
    }

    @Override
    public UpdateControl<GpuPool> reconcile(GpuPool pool, Context<GpuPool> context) {
        GpuPoolStatus status = pool.getStatus() == null ? new GpuPoolStatus() : pool.getStatus();
        String before = Serialization.asJson(status);
        pool.setStatus(status);
        List<NodeCapacity> capacity =
                PlacementInputs.nodes(nodes.list().toList(), pods.list().toList());
        PoolOffer offer = PlacementInputs.offers(List.of(pool)).get(0);
        List<NodeCapacity> members = capacity.stream()
                .filter(n ->
                        n.labels().entrySet().containsAll(offer.nodeSelector().entrySet()))
                .toList();
        Map<String, Long> allocatable = allocatable(nodes.list().toList(), members);
        // Allocated = what other pods take (allocatable - free) + what workers placed here reserve.
        Map<String, Long> allocated = new TreeMap<>();
        Map<String, Long> freeSum = new TreeMap<>();
        members.forEach(n -> n.free().forEach((k, v) -> freeSum.merge(k, v, Long::sum)));
        allocatable.forEach((k, v) -> allocated.put(k, v - freeSum.getOrDefault(k, 0L)));
        workers.list(w -> w.getStatus() != null
                        && pool.getMetadata().getName().equals(w.getStatus().getPool()))
                .forEach(w -> reservation(w).forEach((k, v) -> allocated.merge(k, v, Long::sum)));
        status.setNodes(members.stream().map(NodeCapacity::name).sorted().toList());
        status.setAllocatable(allocatable);
        status.setAllocated(allocated);
        Long generation = pool.getMetadata().getGeneration();
        status.setObservedGeneration(generation);
        boolean hasNodes = !members.isEmpty();
        status.setConditions(Conditions.set(
                status.getConditions(),
                "Ready",
                hasNodes,
                hasNodes ? "NodesFound" : "NoNodes",
                hasNodes
                        ? members.size() + " node(s) match the nodeSelector"
                        : "no schedulable node matches the nodeSelector",
                generation,
                Instant.now()));
        // Write only on change: many workers report to one pool and most of their events change nothing here.
        UpdateControl<GpuPool> control = before.equals(Serialization.asJson(status))
                ? UpdateControl.noUpdate()
                : UpdateControl.patchStatus(pool);
        return control.rescheduleAfter(REFRESH);
    }

    private static Map<String, Long> allocatable(Collection<Node> all, List<NodeCapacity> members) {
        var names = members.stream().map(NodeCapacity::name).collect(Collectors.toSet());
        Map<String, Long> sum = new TreeMap<>();
        for (Node node : all) {
            if (!names.contains(node.getMetadata().getName())
                    || node.getStatus() == null
                    || node.getStatus().getAllocatable() == null) {
                continue;
            }
            for (Map.Entry<String, Quantity> e :
                    node.getStatus().getAllocatable().entrySet()) {
                if (e.getKey().startsWith("nvidia.com/")) {
                    sum.merge(e.getKey(), e.getValue().getNumericalAmount().longValue(), Long::sum);
                }
            }
        }
        return sum;
    }

    /** GPU resources a placed worker holds on its pool: per-replica amount times replicas (at least one). */
    static Map<String, Long> reservation(Worker worker) {
        PlacementStatus p = worker.getStatus().getPlacement();
        if (p == null || p.getGpuResource() == null || p.getGpuCount() == null) {
            return Map.of();
        }
        int replicas = Math.max(
                1,
                worker.getStatus().getReplicas() == null
                        ? 1
                        : worker.getStatus().getReplicas());
        return Map.of(p.getGpuResource(), (long) p.getGpuCount() * replicas);
    }

    private static boolean selects(GpuPool pool, Node node) {
        Map<String, String> labels = node.getMetadata().getLabels();
        Map<String, String> selector =
                pool.getSpec() == null ? null : pool.getSpec().getNodeSelector();
        return labels != null && selector != null && labels.entrySet().containsAll(selector.entrySet());
    }
}
