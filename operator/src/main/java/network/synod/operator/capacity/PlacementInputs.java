package network.synod.operator.capacity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;

import network.synod.operator.api.GpuPool;
import network.synod.operator.api.GpuPoolSpec;
import network.synod.operator.api.GpuRequest;
import network.synod.operator.api.PoolSelection;
import network.synod.operator.api.SynodApi;
import network.synod.operator.api.Worker;
import network.synod.operator.api.WorkerStatus;
import network.synod.operator.placement.GpuDemand;
import network.synod.operator.placement.NodeCapacity;
import network.synod.operator.placement.PoolOffer;

/** Turns cluster objects (Nodes, Pods, GpuPools, Workers) into the plain records placement works on. */
public final class PlacementInputs {

    private PlacementInputs() {}

    /**
     * Free GPU resources per schedulable node: allocatable {@code nvidia.com/*} minus the requests of running pods
     * bound to the node. Pods of Synod workers are left out because the pass charges workers by their placement,
     * which also covers replicas whose pods are still pending.
     */
    public static List<NodeCapacity> nodes(Collection<Node> nodes, Collection<Pod> pods) {
        Map<String, Map<String, Long>> used = new HashMap<>();
        for (Pod pod : pods) {
            if (pod.getSpec() == null || pod.getSpec().getNodeName() == null || finished(pod) || ownedBySynod(pod)) {
                continue;
            }
            Map<String, Long> onNode = used.computeIfAbsent(pod.getSpec().getNodeName(), n -> new HashMap<>());
            gpuRequests(pod).forEach((k, v) -> onNode.merge(k, v, Long::sum));
        }
        List<NodeCapacity> result = new ArrayList<>();
        for (Node node : nodes) {
            if (node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable())) {
                continue;
            }
            Map<String, Long> free = new HashMap<>();
            Map<String, Quantity> allocatable =
                    node.getStatus() == null ? null : node.getStatus().getAllocatable();
            if (allocatable != null) {
                allocatable.forEach((k, q) -> {
                    if (k.startsWith("nvidia.com/")) {
                        free.put(k, q.getNumericalAmount().longValue());
                    }
                });
            }
            used.getOrDefault(node.getMetadata().getName(), Map.of()).forEach((k, v) -> free.merge(k, -v, Long::sum));
            Map<String, String> labels = node.getMetadata().getLabels() == null
                    ? Map.of()
                    : node.getMetadata().getLabels();
            result.add(new NodeCapacity(node.getMetadata().getName(), labels, free));
        }
        return result;
    }

    /**
     * Whether a pod can take GPU capacity that placement must subtract: it requests {@code nvidia.com/*} resources
     * and is not a Synod worker (workers are charged by their placement).
     */
    public static boolean countsAgainstCapacity(Pod pod) {
        return pod != null
                && pod.getSpec() != null
                && pod.getMetadata() != null
                && !ownedBySynod(pod)
                && !gpuRequests(pod).isEmpty();
    }

    /** GPU extended resources a pod requests (limits when requests are absent, as the device plugin allows). */
    static Map<String, Long> gpuRequests(Pod pod) {
        Map<String, Long> sum = new HashMap<>();
        for (Container c : pod.getSpec().getContainers()) {
            if (c.getResources() == null) {
                continue;
            }
            Map<String, Quantity> amounts = c.getResources().getRequests() != null
                            && !c.getResources().getRequests().isEmpty()
                    ? c.getResources().getRequests()
                    : c.getResources().getLimits();
            if (amounts != null) {
                amounts.forEach((k, q) -> {
                    if (k.startsWith("nvidia.com/")) {
                        sum.merge(k, q.getNumericalAmount().longValue(), Long::sum);
                    }
                });
            }
        }
        return sum;
    }

    private static boolean finished(Pod pod) {
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        return "Succeeded".equals(phase) || "Failed".equals(phase);
    }

    private static boolean ownedBySynod(Pod pod) {
        Map<String, String> labels = pod.getMetadata().getLabels();
        return labels != null
                && SynodApi.MANAGED_BY.equals(labels.get(SynodApi.LABEL_MANAGED_BY))
                && labels.containsKey(SynodApi.LABEL_WORKER);
    }

    /** What each GpuPool offers. */
    public static List<PoolOffer> offers(Collection<GpuPool> pools) {
        List<PoolOffer> result = new ArrayList<>();
        for (GpuPool pool : pools) {
            GpuPoolSpec s = pool.getSpec();
            if (s == null) {
                continue;
            }
            Map<String, String> labels = pool.getMetadata().getLabels() == null
                    ? Map.of()
                    : pool.getMetadata().getLabels();
            Map<String, String> selector = s.getNodeSelector() == null ? Map.of() : s.getNodeSelector();
            result.add(new PoolOffer(
                    pool.getMetadata().getName(),
                    labels,
                    selector,
                    s.getGpuProduct(),
                    s.getGpuMemoryMiB(),
                    s.getMigStrategy(),
                    s.getTimeSlicingReplicas() == null ? 1 : s.getTimeSlicingReplicas(),
                    s.getCost() == null ? 0 : s.getCost()));
        }
        return result;
    }

    /** Key placement uses for a worker. */
    public static String key(Worker worker) {
        return worker.getMetadata().getNamespace() + "/" + worker.getMetadata().getName();
    }

    /**
     * What a worker asks of placement. External workers and workers with an invalid spec ask nothing and are left
     * out by the caller.
     */
    public static GpuDemand demand(Worker worker) {
        GpuRequest gpu = worker.getSpec().getGpu();
        PoolSelection pool = worker.getSpec().getPool();
        WorkerStatus status = worker.getStatus();
        int replicas = status == null || status.getReplicas() == null ? 1 : status.getReplicas();
        String current = status == null ? null : status.getPool();
        int count = gpu == null || gpu.getCount() == null ? (gpu == null ? 0 : 1) : gpu.getCount();
        return new GpuDemand(
                key(worker),
                count,
                gpu == null ? null : gpu.getProduct(),
                gpu == null ? null : gpu.getMinMemoryMiB(),
                gpu == null ? null : gpu.getMigProfile(),
                gpu == null || gpu.getFraction() == null ? null : Double.valueOf(gpu.getFraction()),
                pool == null ? null : pool.getName(),
                pool == null ? null : pool.getSelector(),
                replicas,
                current);
    }
}
