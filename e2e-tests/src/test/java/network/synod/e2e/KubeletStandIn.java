package network.synod.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import network.synod.embedded.ServiceProcess;

/**
 * Stands in for the Deployment controller and the kubelet of one worker Deployment on the mock API server: while the
 * Deployment asks for replicas it runs one replica as a local process of the worker's packaged jar, with the
 * container's environment, waits for the container's readiness probe path, and reports
 * {@code status.readyReplicas}; when the Deployment goes to zero it stops the process and reports zero. With starts
 * refused it behaves like a pod that never gets scheduled.
 */
final class KubeletStandIn implements AutoCloseable {

    private final KubernetesClient client;
    private final String namespace;
    private final String name;
    private final Path jar;
    private final int port;
    private final Path logs;
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kubelet-stand-in");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean startsAllowed = true;
    private volatile ServiceProcess running;
    private int started;
    /** When each replica process was started and when it was reported ready. */
    final List<Instant> starts = new CopyOnWriteArrayList<>();
    final List<Instant> readies = new CopyOnWriteArrayList<>();
    final List<Instant> stops = new CopyOnWriteArrayList<>();

    /** @param port the port the replica listens on: the port the operator's endpoint for the worker names */
    KubeletStandIn(KubernetesClient client, String namespace, String name, Path jar, int port, Path logs) {
        this.client = client;
        this.namespace = namespace;
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.logs = logs;
    }

    void start() {
        loop.scheduleWithFixedDelay(this::step, 0, 200, TimeUnit.MILLISECONDS);
    }

    /** Refuses (false) or allows new replicas, as a cluster without room or with room would. */
    void allowStarts(boolean allowed) {
        startsAllowed = allowed;
    }

    boolean running() {
        ServiceProcess p = running;
        return p != null && p.alive();
    }

    private void step() {
        try {
            Deployment d = client.apps().deployments().inNamespace(namespace).withName(name).get();
            int wanted = d == null || d.getSpec().getReplicas() == null ? 0 : d.getSpec().getReplicas();
            if (running != null && (wanted == 0 || !running.alive())) {
                running.close();
                running = null;
                stops.add(Instant.now());
            }
            if (d != null && wanted > 0 && running == null && startsAllowed) {
                run(d);
                d = client.apps().deployments().inNamespace(namespace).withName(name).get();
            }
            if (d != null) {
                report(d, running() ? 1 : 0);
            }
        } catch (Exception e) {
            // The next step tries again (a conflicting status write, a replica that failed to start).
            System.out.println("[kubelet] " + e);
        }
    }

    private void run(Deployment d) throws IOException, InterruptedException {
        Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, String> env = new LinkedHashMap<>();
        c.getEnv().forEach(e -> env.put(e.getName(), e.getValue()));
        // The Service maps its port to the container's; here the replica listens on the Service's port itself.
        env.remove("QUARKUS_HTTP_PORT");
        starts.add(Instant.now());
        ServiceProcess p = ServiceProcess.start(name + "-replica-" + ++started, jar, port, List.of(), env, logs);
        running = p;
        try {
            p.awaitReady(c.getReadinessProbe().getHttpGet().getPath(), Duration.ofSeconds(180));
            readies.add(Instant.now());
        } catch (IllegalStateException e) {
            p.close();
            running = null;
            throw e;
        }
    }

    private void report(Deployment d, int ready) {
        Integer reported = d.getStatus() == null ? null : d.getStatus().getReadyReplicas();
        if ((reported == null ? 0 : reported) == ready && d.getStatus() != null) {
            return;
        }
        d.setStatus(new DeploymentStatusBuilder().withReplicas(ready).withReadyReplicas(ready)
                .withAvailableReplicas(ready).withObservedGeneration(d.getMetadata().getGeneration()).build());
        client.apps().deployments().inNamespace(namespace).resource(d).updateStatus();
    }

    @Override
    public void close() {
        loop.shutdownNow();
        try {
            loop.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ServiceProcess p = running;
        if (p != null) {
            p.close();
        }
    }
}
