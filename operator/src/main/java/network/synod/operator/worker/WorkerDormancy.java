package network.synod.operator.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import network.synod.operator.api.Worker;
import network.synod.operator.api.WorkerStatus;
import network.synod.operator.gateway.GatewayClient;
import network.synod.operator.gateway.GatewayException;
import network.synod.operator.gateway.TopicView;

/**
 * Tells the gateway when a worker is at zero: dormant from the moment it is scaled to zero until its first replica
 * is ready again after activation. The gateway routes nothing to a dormant worker and holds requests for a topic
 * whose inferers are all dormant until one is marked active (docs/contracts.md). Marks are sent only where the
 * gateway's topic view says otherwise, so a steady worker costs no calls.
 */
public final class WorkerDormancy {
    private final GatewayClient gateway;

    public WorkerDormancy(GatewayClient gateway) {
        this.gateway = gateway;
    }

    /** Whether the gateway should hold the worker as dormant: in the cluster, and scaled to zero or still waking. */
    public static boolean dormant(Worker worker, WorkerStatus status, int desiredReplicas) {
        return worker.getSpec().getExternalEndpoint() == null
                && (desiredReplicas == 0 || status.getActivationStartedAt() != null);
    }

    /**
     * Marks the worker dormant or active on every topic it is registered on where {@code views} (read earlier in the
     * reconcile) report the other state; topics without a view are marked only when {@code refresh}.
     *
     * @return the failures, empty when every mark went through
     */
    public List<String> sync(
            String worker,
            List<String> registeredTopics,
            Map<String, TopicView> views,
            boolean dormant,
            boolean refresh) {
        List<String> failures = new ArrayList<>();
        for (String topic : registeredTopics) {
            TopicView view = views.get(topic);
            boolean differs = view == null ? refresh : view.dormant().contains(worker) != dormant;
            if (differs) {
                try {
                    gateway.setDormant(topic, worker, dormant);
                } catch (GatewayException e) {
                    failures.add(e.getMessage());
                }
            }
        }
        return failures;
    }
}
