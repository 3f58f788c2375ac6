package network.synod.operator.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import jakarta.inject.Inject;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import network.synod.operator.api.GpuPool;
import network.synod.operator.api.GpuRequest;
import network.synod.operator.api.Worker;
import network.synod.operator.api.WorkerSpec;
import network.synod.operator.testing.Cluster;

/**
 * 1,000 Workers reconciled to their desired state (placed, Deployment and Service created, registered) on the mock
 * API server in at most 60 s. Run with -Pbench (mvn -B -pl operator -am verify -Pbench).
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@QuarkusTestResource(value = BenchGatewayResource.class, restrictToAnnotatedClass = true)
class ReconcileBenchmark {
    private static final int WORKERS = 1000;

    @Inject
    KubernetesClient client;

    @KubernetesTestServer
    KubernetesServer server;

    @Inject
    MeterRegistry meters;

    @Test
    void testThousandWorkersReachDesiredState() throws InterruptedException {
        for (int i = 0; i < 20; i++) {
            client.nodes()
                    .resource(
                            Cluster.gpuNode("l4-" + i, "l4", "NVIDIA-L4", 23034, "none", Map.of("nvidia.com/gpu", "8")))
                    .create();
        }
        client.resources(GpuPool.class)
                .resource(Cluster.pool("l4", "NVIDIA-L4", 23034, "none", 8, 1))
                .create();

        drainRequests();
        double reconciliationsBefore = reconciliations();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long start = System.nanoTime();
        for (int i = 0; i < WORKERS; i++) {
            Worker w = new Worker();
            w.setMetadata(new ObjectMetaBuilder()
                    .withName("w-" + i)
                    .withNamespace("bench")
                    .build());
            WorkerSpec spec = new WorkerSpec();
            spec.setTopics(List.of("topic-" + (i % 10)));
            if (i % 10 == 0) {
                GpuRequest gpu = new GpuRequest();
                gpu.setProduct("L4");
                spec.setGpu(gpu);
            }
            w.setSpec(spec);
            client.resources(Worker.class).inNamespace("bench").resource(w).create();
        }
        long created = System.nanoTime();
        // Polled every 250 ms until every Worker has its Service, Deployment and Registered=True (120 s at most);
        // done is the first poll that saw them all.
        long[] done = {0};
        Awaitility.await("every worker deployed and registered")
                .atMost(Duration.ofNanos(Duration.ofSeconds(120).toNanos() - (System.nanoTime() - start)))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    long services = client.services()
                            .inNamespace("bench")
                            .list()
                            .getItems()
                            .size();
                    long deployments = client.apps()
                            .deployments()
                            .inNamespace("bench")
                            .list()
                            .getItems()
                            .size();
                    long ready = client.resources(Worker.class).inNamespace("bench").list().getItems().stream()
                            .filter(w -> w.getStatus() != null
                                    && w.getStatus().getConditions().stream()
                                            .anyMatch(c -> c.getType().equals("Registered")
                                                    && c.getStatus().equals("True")))
                            .count();
                    if (services == WORKERS && deployments == WORKERS && ready == WORKERS) {
                        done[0] = System.nanoTime();
                        return true;
                    }
                    return false;
                });
        double seconds = (done[0] - start) / 1e9;
        System.out.printf(
                "RECONCILE BENCHMARK: %d workers created in %.1f s, all placed, deployed and registered after %.1f s%n",
                WORKERS, (created - start) / 1e9, seconds);
        Map<String, Integer> requests = drainRequests();
        int total = requests.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf(
                "RECONCILE BENCHMARK: %d API requests to the mock server (%.1f per worker): %s%n",
                total, total / (double) WORKERS, requests);
        System.out.printf(
                "RECONCILE BENCHMARK: %.0f Worker reconciliations started (%.1f per worker, including the"
                        + " 15 s demand re-reads); load average %.1f at start, %.1f at end, on %d CPUs%n",
                reconciliations() - reconciliationsBefore,
                (reconciliations() - reconciliationsBefore) / WORKERS,
                loadBefore,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        assertEquals(
                WORKERS,
                client.apps()
                        .deployments()
                        .inNamespace("bench")
                        .list()
                        .getItems()
                        .size());
        assertTrue(seconds <= 60, "took " + seconds + " s");
    }

    /** Worker reconciliations JOSDK has started so far (its Micrometer counter). */
    private double reconciliations() {
        return meters.find("reconciliations.started.total").tag("controller.name", "worker").counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    /**
     * Takes the requests the mock server recorded so far and counts them by method and resource (plus subresource),
     * e.g. "PATCH workers/status".
     */
    private Map<String, Integer> drainRequests() throws InterruptedException {
        Map<String, Integer> counts = new TreeMap<>();
        RecordedRequest r;
        while ((r = server.getKubernetesMockServer().takeRequest(1, TimeUnit.MILLISECONDS)) != null) {
            String path = r.getPath();
            int query = path.indexOf('?');
            String[] parts = (query < 0 ? path : path.substring(0, query)).split("/");
            // /api/v1/<resource>... or /apis/<group>/<version>/<resource>..., optionally after namespaces/<ns>/
            int at = parts.length > 1 && parts[1].equals("api") ? 3 : 4;
            if (at + 2 < parts.length && parts[at].equals("namespaces")) {
                at += 2;
            }
            String resource = at < parts.length ? parts[at] : path;
            if (at + 2 < parts.length) {
                resource += "/" + parts[at + 2];
            }
            if (query >= 0 && path.substring(query).contains("watch=true")) {
                resource += " (watch)";
            }
            counts.merge(r.getMethod() + " " + resource, 1, Integer::sum);
        }
        return counts;
    }
}
