package network.synod.e2e;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import network.synod.embedded.ServiceProcess;

/**
 * Stands in for the Deployment controller and the kubelet of one worker Deployment on the mock API server: while the
 * Deployment asks for replicas it runs each replica as a local process of the worker's packaged jar, with the
 * container's environment (plus any extra system properties), waits for the container's readiness probe path, and
 * reports {@code status.readyReplicas}; when the Deployment asks for fewer it stops the newest replicas. With starts
 * refused it behaves like a pod that never gets scheduled.
 *
 * <p>Each worker's Service name resolves to its own loopback address (127.0.0.N, through the hosts file the gateway
 * reads), so several workers can all listen on the one port the operator gives every worker, as pods with their own
 * IPs do. The first replica listens on that address and port, where the gateway reaches the Service; further replicas
 * listen on free ports of the same address, since there is no Service proxy here to spread requests over them.
 */
final class KubeletStandIn implements AutoCloseable {

    private static final HttpClient PROBE =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final KubernetesClient client;
    private final String namespace;
    private final String name;
    private final Path jar;
    private final String host;
    private final int port;
    private final List<String> props;
    private final Path logs;
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kubelet-stand-in");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean startsAllowed = true;
    /** The running replicas, oldest first; the first one serves the Service's address. */
    private final List<ServiceProcess> replicas = new CopyOnWriteArrayList<>();

    private int started;
    /** When each replica process was started and when it was reported ready. */
    final List<Instant> starts = new CopyOnWriteArrayList<>();

    final List<Instant> readies = new CopyOnWriteArrayList<>();
    final List<Instant> stops = new CopyOnWriteArrayList<>();

    /** @param port the port the replica listens on: the port the operator's endpoint for the worker names */
    KubeletStandIn(KubernetesClient client, String namespace, String name, Path jar, int port, Path logs) {
        this(client, namespace, name, jar, "127.0.0.1", port, List.of(), logs);
    }

    /**
     * @param host  the loopback address the worker's Service name resolves to; replicas listen on it alone
     * @param props extra system properties for every replica, e.g. to make one worker a cheater, as its operator
     *              would by running modified code: nothing in a Worker resource can ask for that
     */
    KubeletStandIn(
            KubernetesClient client,
            String namespace,
            String name,
            Path jar,
            String host,
            int port,
            List<String> props,
            Path logs) {
        this.client = client;
        this.namespace = namespace;
        this.name = name;
        this.jar = jar;
        this.host = host;
        this.port = port;
        this.props = List.copyOf(props);
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
        return runningReplicas() > 0;
    }

    /** Replica processes alive now. */
    int runningReplicas() {
        return (int) replicas.stream().filter(ServiceProcess::alive).count();
    }

    /** The address the first replica (the one behind the Service) serves at. */
    String url() {
        return "http://" + host + ":" + port;
    }

    private void step() {
        try {
            Deployment d = client.apps()
                    .deployments()
                    .inNamespace(namespace)
                    .withName(name)
                    .get();
            int wanted = d == null || d.getSpec().getReplicas() == null
                    ? 0
                    : d.getSpec().getReplicas();
            for (ServiceProcess p : replicas) {
                if (!p.alive()) {
                    stop(p);
                }
            }
            while (replicas.size() > wanted) {
                stop(replicas.get(replicas.size() - 1));
            }
            if (d != null && replicas.size() < wanted && startsAllowed) {
                run(d);
                d = client.apps()
                        .deployments()
                        .inNamespace(namespace)
                        .withName(name)
                        .get();
            }
            if (d != null) {
                report(d, runningReplicas());
            }
        } catch (Exception e) {
            // The next step tries again (a conflicting status write, a replica that failed to start).
            System.out.println("[kubelet " + name + "] " + e);
        }
    }

    /**
     * Secret volumes, as a kubelet mounts them: each item written to a directory of its own, and the environment's
     * paths under the container's mount path pointed there (a process here cannot write /var/run). A Secret not
     * there yet fails this start, as it keeps a real pod in ContainerCreating; the next step tries again.
     */
    private void mountSecrets(Deployment d, Container c, Map<String, String> env) throws IOException {
        for (Volume v : d.getSpec().getTemplate().getSpec().getVolumes()) {
            if (v.getSecret() == null) {
                continue;
            }
            Secret secret = client.secrets()
                    .inNamespace(namespace)
                    .withName(v.getSecret().getSecretName())
                    .get();
            if (secret == null) {
                throw new IllegalStateException("secret " + v.getSecret().getSecretName() + " not found");
            }
            Path dir = Files.createDirectories(
                    logs.resolve("secrets").resolve(name).resolve(v.getName()));
            for (KeyToPath item : v.getSecret().getItems()) {
                Files.write(
                        dir.resolve(item.getPath()),
                        Base64.getDecoder().decode(secret.getData().get(item.getKey())));
            }
            for (VolumeMount m : c.getVolumeMounts()) {
                if (m.getName().equals(v.getName())) {
                    env.replaceAll((k, value) -> value != null && value.startsWith(m.getMountPath() + "/")
                            ? dir.resolve(value.substring(m.getMountPath().length() + 1))
                                    .toString()
                            : value);
                }
            }
        }
    }

    private void stop(ServiceProcess p) {
        replicas.remove(p);
        p.close();
        stops.add(Instant.now());
    }

    private void run(Deployment d) throws IOException, InterruptedException {
        Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, String> env = new LinkedHashMap<>();
        c.getEnv().forEach(e -> env.put(e.getName(), e.getValue()));
        // The Service maps its port to the container's; here the replica listens on the Service's port itself.
        env.remove("QUARKUS_HTTP_PORT");
        mountSecrets(d, c, env);
        int replicaPort = replicas.isEmpty() ? port : freePort();
        List<String> replicaProps = new ArrayList<>(props);
        if (!host.equals("127.0.0.1")) {
            replicaProps.add("-Dquarkus.http.host=" + host);
        }
        starts.add(Instant.now());
        ServiceProcess p =
                ServiceProcess.start(name + "-replica-" + ++started, jar, replicaPort, replicaProps, env, logs);
        replicas.add(p);
        try {
            awaitReady(
                    p,
                    "http://" + host + ":" + replicaPort
                            + c.getReadinessProbe().getHttpGet().getPath(),
                    Duration.ofSeconds(180));
            readies.add(Instant.now());
        } catch (IllegalStateException e) {
            stop(p);
            throw e;
        }
    }

    /**
     * Waits until the probe URL answers 200, as the kubelet's readiness probe would (every 100 ms); fails with an
     * {@link IllegalStateException} if the process exits or the timeout passes.
     */
    private static void awaitReady(ServiceProcess p, String probe, Duration timeout) {
        try {
            Awaitility.await(p.name() + " ready at " + probe)
                    .atMost(timeout)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        if (!p.alive()) {
                            throw new IllegalStateException(p.name() + " exited before it was ready");
                        }
                        try {
                            return PROBE.send(
                                                    HttpRequest.newBuilder(URI.create(probe))
                                                            .timeout(Duration.ofSeconds(2))
                                                            .build(),
                                                    HttpResponse.BodyHandlers.discarding())
                                            .statusCode()
                                    == 200;
                        } catch (IOException e) {
                            return false; // not listening yet
                        }
                    });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(p.name() + " was not ready at " + probe + " within " + timeout, e);
        }
    }

    private int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getByName(host))) {
            return s.getLocalPort();
        }
    }

    private void report(Deployment d, int ready) {
        Integer reported = d.getStatus() == null ? null : d.getStatus().getReadyReplicas();
        if ((reported == null ? 0 : reported) == ready && d.getStatus() != null) {
            return;
        }
        d.setStatus(new DeploymentStatusBuilder()
                .withReplicas(ready)
                .withReadyReplicas(ready)
                .withAvailableReplicas(ready)
                .withObservedGeneration(d.getMetadata().getGeneration())
                .build());
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
        replicas.forEach(ServiceProcess::close);
        replicas.clear();
    }
}
