package network.synod.operator.worker;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import network.synod.operator.api.Worker;
import network.synod.operator.api.WorkerStatus;
import network.synod.operator.gateway.GatewayClient;
import network.synod.operator.gateway.GatewayException;
import network.synod.operator.gateway.WorkerRegistration;

/**
 * Keeps the gateway's view of a worker in line with the Worker: registered on each of its topics at its endpoint
 * while it may serve, removed from topics it left, and removed everywhere when quarantined or deleted.
 */
public final class WorkerRegistrar {
    private final GatewayClient gateway;

    public WorkerRegistrar(GatewayClient gateway) {
        this.gateway = gateway;
    }

    /**
     * Outcome of one synchronisation.
     *
     * @param registered whether the worker is registered on all its topics
     * @param reason     CamelCase reason
     * @param message    explanation
     */
    public record Result(boolean registered, String reason, String message) {}

    /**
     * Registers or removes the worker so the gateway matches {@code endpoint}; {@code refresh} re-sends registrations
     * that may be stale (the spec or the endpoint changed). Updates {@code status.registeredTopics}.
     *
     * @param publicKey the worker's receipt key (base64 X.509 Ed25519), or null when the operator holds none (an
     *                  external worker): the gateway then checks no receipts for it
     */
    public Result sync(
            Worker worker, WorkerStatus status, String endpoint, String publicKey, boolean serving, boolean refresh) {
        String name = worker.getMetadata().getName();
        Set<String> wanted = serving && endpoint != null
                ? new LinkedHashSet<>(worker.getSpec().getTopics())
                : Set.of();
        Set<String> registered = new LinkedHashSet<>(status.getRegisteredTopics());
        List<String> failures = new ArrayList<>();
        for (String topic : new ArrayList<>(registered)) {
            if (!wanted.contains(topic)) {
                try {
                    gateway.deleteWorker(topic, name);
                    registered.remove(topic);
                } catch (GatewayException e) {
                    failures.add(e.getMessage());
                }
            }
        }
        // The model digest pins what the receipts must name when the spec declares one; without it any digest the
        // worker signs is accepted (the reference and mlp kinds derive theirs from their settings).
        String digest = worker.getSpec().getModel().getDigest();
        WorkerRegistration registration = new WorkerRegistration(
                endpoint,
                worker.getSpec().getModel().getName(),
                worker.getSpec().getRole(),
                publicKey,
                digest == null ? null : digest.replaceFirst("^sha256:", ""));
        for (String topic : wanted) {
            if (refresh || !registered.contains(topic)) {
                try {
                    gateway.putWorker(topic, name, registration);
                    registered.add(topic);
                } catch (GatewayException e) {
                    failures.add(e.getMessage());
                }
            }
        }
        status.setRegisteredTopics(new ArrayList<>(registered));
        if (!failures.isEmpty()) {
            return new Result(false, "GatewayUnavailable", String.join("; ", failures));
        }
        if (wanted.isEmpty()) {
            return new Result(false, "NotServing", "not registered: the worker is not serving");
        }
        return new Result(true, "Registered", "registered on " + String.join(", ", wanted) + " at " + endpoint);
    }

    /** Removes the worker from every topic it is registered on; false if the gateway could not be reached. */
    public boolean removeAll(Worker worker) {
        WorkerStatus status = worker.getStatus();
        if (status == null) {
            return true;
        }
        return sync(worker, status, null, null, false, false).reason().equals("NotServing");
    }
}
