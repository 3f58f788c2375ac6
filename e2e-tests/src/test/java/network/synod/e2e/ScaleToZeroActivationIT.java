package network.synod.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import network.synod.embedded.LocalKafka;
import network.synod.embedded.LocalPostgres;
import network.synod.embedded.ServiceProcess;
import network.synod.operator.OperatorConfig;
import network.synod.operator.api.Worker;
import network.synod.operator.api.WorkerSpec;
import network.synod.operator.gateway.SynodClients;
import network.synod.operator.worker.WorkerReconciler;

/**
 * Scale to zero and activation with the real gateway and a real worker process. The operator's Worker reconciler
 * (with its Deployment and Service dependents) runs on the Fabric8 mock API server in CRUD mode, with server-side
 * apply off as in the operator's own tests; the gateway runs as its own process on a real PostgreSQL and Kafka;
 * {@link KubeletStandIn} runs the Deployment's replica as a worker process from the packaged jar. The worker's
 * Service name resolves to this machine through a hosts file given to the gateway, as cluster DNS would resolve it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleToZeroActivationIT {

    static final String NS = "e2e";
    static final String TOPIC = "wake";
    static final String WORKER = "sleeper";
    static final int IDLE_SECONDS = 3;
    static final Duration LONG = Duration.ofSeconds(240);
    static final double[] WINDOW = {315.7, 317.5, 317.6, 316.7, 314.8, 313.8, 313.3, 314.2, 315.2, 316.2};
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The mock API server logs every request at INFO; the stand-in kubelet alone polls five times a second. */
    static final Logger MOCK_SERVER_LOG = Logger.getLogger("io.fabric8.mockwebserver");

    static LocalPostgres postgres;
    static LocalKafka kafka;
    static int gatewayPort;
    static List<String> gatewayProps;
    static ServiceProcess gateway;
    static KubernetesMockServer apiServer;
    static KubernetesClient kube;
    static Operator operator;
    static SimpleMeterRegistry operatorMeters;
    static KubeletStandIn kubelet;

    @BeforeAll
    static void start() throws Exception {
        MOCK_SERVER_LOG.setLevel(Level.WARNING);
        postgres = LocalPostgres.startEphemeral();
        kafka = LocalKafka.startEphemeral();
        int workerPort = freePort();
        Files.createDirectories(LocalCluster.LOGS);
        Path hosts = LocalCluster.LOGS.resolve("activation-hosts");
        Files.writeString(hosts, "127.0.0.1 localhost " + hostName() + " " + WORKER + "." + NS + ".svc\n");
        gatewayPort = freePort();
        gatewayProps = List.of(
                "-Dquarkus.datasource.reactive.url=" + postgres.reactiveUrl(),
                "-Dquarkus.datasource.username=" + LocalPostgres.USER,
                "-Dkafka.bootstrap.servers=" + kafka.bootstrapServers(),
                // Cluster DNS for the worker's Service name: the JDK resolver (which Quarkus uses by default) and
                // Vert.x's own (with quarkus.vertx.use-async-dns) both read this file instead.
                "-Djdk.net.hosts.file=" + hosts.toAbsolutePath(),
                "-Dquarkus.vertx.resolver.hosts-path=" + hosts.toAbsolutePath(),
                // A replica's first answers come from a cold JVM on a busy machine.
                "-Dsynod.gateway.worker-timeout=30S");
        gateway = startGateway("activation-gateway", "180S");

        apiServer = MockApi.start();
        kube = MockApi.clientWithSynodCrds(apiServer);
        OperatorConfig config = new LocalOperatorConfig(gateway.url(), Optional.empty(), workerPort);
        operatorMeters = new SimpleMeterRegistry();
        operator =
                MockApi.operator(kube, List.of(new WorkerReconciler(config, new SynodClients(config), operatorMeters)));

        kubelet = new KubeletStandIn(
                kube,
                NS,
                WORKER,
                ServiceProcess.jar(LocalCluster.ROOT, "services/worker"),
                workerPort,
                LocalCluster.LOGS);
        kubelet.start();

        HttpResponse<String> topic = send("PUT", "/v1/admin/topics/" + TOPIC, Map.of("mode", "synod"));
        assertEquals(200, topic.statusCode(), topic.body());
    }

    @AfterAll
    static void stop() {
        List<AutoCloseable> all = new ArrayList<>();
        all.add(kubelet);
        all.add(operator == null ? null : operator::stop);
        all.add(kube);
        all.add(apiServer == null ? null : apiServer::destroy);
        all.add(gateway);
        all.add(kafka);
        all.add(postgres);
        MockApi.closeAll("activation", all);
    }

    @Test
    @Order(1)
    void anIdleWorkerScalesToZeroAndTheGatewayHoldsItDormant() {
        Worker w = new Worker();
        w.setMetadata(new ObjectMetaBuilder().withName(WORKER).withNamespace(NS).build());
        WorkerSpec spec = new WorkerSpec();
        spec.setTopics(List.of(TOPIC));
        spec.getModel().setName("last");
        spec.getModel().setKind("last");
        spec.setReplicas(0);
        spec.getScaling().setIdleSecondsBeforeScaleToZero(IDLE_SECONDS);
        w.setSpec(spec);
        kube.resources(Worker.class).inNamespace(NS).resource(w).create();

        // The first start is an activation too: the worker is dormant at the gateway until its replica is ready.
        waiting().until(() -> worker().getStatus().getLastColdStartSeconds() != null);
        System.out.printf(
                "[activation] first start: cold start %.3f s%n",
                worker().getStatus().getLastColdStartSeconds());

        // Idle: the Deployment goes to zero, the gateway holds the worker dormant, the replica is stopped.
        waiting().untilAsserted(() -> {
            assertEquals(0, deployment().getSpec().getReplicas());
            assertEquals("ScaledToZero", condition("Ready").getReason());
            assertTrue(topicView().get("dormant").toString().contains(WORKER));
            assertFalse(kubelet.running());
        });
        assertEquals(
                "True",
                condition("Registered").getStatus(),
                condition("Registered").getMessage());
    }

    @Test
    @Order(2)
    void aRequestAtZeroIsHeldWhileTheOperatorStartsTheWorkerAndThenAnswered() throws Exception {
        assertEquals(0, deployment().getSpec().getReplicas());
        int startsBefore = kubelet.starts.size();
        long coldStartsBefore = coldStarts();

        Instant sent = Instant.now();
        CompletableFuture<HttpResponse<String>> held =
                HTTP.sendAsync(inference(), HttpResponse.BodyHandlers.ofString());
        // The gateway counts the held request as demand; the operator sees it and scales the Deployment up.
        waiting().until(() -> topicView().get("inFlight").asInt() >= 1);
        waiting().until(() -> deployment().getSpec().getReplicas() == 1);

        HttpResponse<String> answer = held.get(LONG.toSeconds(), TimeUnit.SECONDS);
        Duration holdTime = Duration.between(sent, Instant.now());
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode body = JSON.readTree(answer.body());
        assertEquals(WINDOW[WINDOW.length - 1], body.get("value").asDouble(), 1e-9, answer.body());
        assertEquals(1, body.get("workers").size(), answer.body());
        assertEquals(WORKER, body.get("workers").get(0).get("id").asText());
        assertEquals(0, body.get("failed").size(), answer.body());
        // The replica that answered was started for this request.
        assertEquals(startsBefore + 1, kubelet.starts.size());
        assertTrue(kubelet.starts.get(startsBefore).isAfter(sent));

        // Cold start in the Worker's status and in the operator's timer; hold time in the gateway's metrics.
        waiting().until(() -> coldStarts() == coldStartsBefore + 1);
        Worker w = worker();
        assertNotNull(w.getStatus().getLastColdStartSeconds());
        assertTrue(w.getStatus().getLastColdStartSeconds() > 0);
        String metrics = get("/q/metrics");
        assertTrue(metrics.contains("synod_gateway_activation_holds_total{topic=\"" + TOPIC + "\"} 1.0"), metrics);
        String holdSum = metrics.lines()
                .filter(l -> l.startsWith("synod_gateway_activation_hold_seconds_sum")
                        && l.contains("outcome=\"activated\""))
                .findFirst()
                .orElseThrow();
        System.out.printf(
                "[activation] held request: answered 200 after %d ms; replica started %d ms and ready "
                        + "%d ms after the request; Worker status lastColdStartSeconds=%.3f; gateway %s%n",
                holdTime.toMillis(),
                Duration.between(sent, kubelet.starts.get(startsBefore)).toMillis(),
                Duration.between(sent, kubelet.readies.get(kubelet.readies.size() - 1))
                        .toMillis(),
                w.getStatus().getLastColdStartSeconds(),
                holdSum);
        assertEquals(0, topicView().get("inFlight").asInt());
    }

    @Test
    @Order(3)
    void whenNothingStartsTheHeldRequestIsAnswered503WithRetryAfterAtTheDeadline() throws Exception {
        // Back at zero after the idle time.
        waiting().untilAsserted(() -> {
            assertEquals(0, deployment().getSpec().getReplicas());
            assertTrue(topicView().get("dormant").toString().contains(WORKER));
            assertFalse(kubelet.running());
        });
        // No room for a replica any more, and a gateway with a short deadline. The restarted gateway still knows
        // the worker is dormant: the marks are in PostgreSQL.
        kubelet.allowStarts(false);
        gateway.close();
        gateway = startGateway("activation-gateway-short-deadline", "3S");
        assertTrue(
                topicView().get("dormant").toString().contains(WORKER),
                topicView().toString());

        long start = System.nanoTime();
        HttpResponse<String> answer = HTTP.send(inference(), HttpResponse.BodyHandlers.ofString());
        long heldMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(503, answer.statusCode(), answer.body());
        assertEquals(Optional.of("application/problem+json"), answer.headers().firstValue("Content-Type"));
        assertTrue(
                answer.headers().firstValue("Retry-After").isPresent(),
                answer.headers().toString());
        assertTrue(answer.body().contains("within 3 s"), answer.body());
        assertTrue(heldMillis >= 3000, "held " + heldMillis + " ms");
        assertFalse(kubelet.running());
        System.out.printf(
                "[activation] nothing started: 503 after %d ms, Retry-After %s%n",
                heldMillis, answer.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(get("/q/metrics")
                .lines()
                .anyMatch(l -> l.startsWith("synod_gateway_activation_hold_seconds_count")
                        && l.contains("outcome=\"timeout\"")
                        && l.endsWith(" 1.0")));
    }

    /** Polls until a condition holds; a resource not there yet counts as not yet. */
    private static ConditionFactory waiting() {
        return await().atMost(LONG).pollInterval(Duration.ofMillis(200)).ignoreExceptions();
    }

    /** This machine's name, which the gateway may look up too once its names come from the hosts file only. */
    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static ServiceProcess startGateway(String name, String activationTimeout) throws Exception {
        List<String> props = new ArrayList<>(gatewayProps);
        props.add("-Dsynod.gateway.activation-timeout=" + activationTimeout);
        ServiceProcess p = ServiceProcess.start(
                name, ServiceProcess.jar(LocalCluster.ROOT, "services/gateway"), gatewayPort, props, LocalCluster.LOGS);
        p.awaitReady("/q/health/ready", LocalCluster.READY);
        return p;
    }

    private static HttpRequest inference() throws IOException {
        return HttpRequest.newBuilder(URI.create(gateway.url() + "/v1/topics/" + TOPIC + "/inferences"))
                .timeout(LONG)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(Map.of("window", WINDOW))))
                .build();
    }

    private static HttpResponse<String> send(String method, String path, Object body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(gateway.url() + path))
                        .header("Authorization", "Bearer synod-admin")
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String get(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(gateway.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return r.body();
    }

    private static JsonNode topicView() throws Exception {
        return JSON.readTree(get("/v1/topics/" + TOPIC));
    }

    private static Worker worker() {
        return kube.resources(Worker.class).inNamespace(NS).withName(WORKER).get();
    }

    private static Deployment deployment() {
        return kube.apps().deployments().inNamespace(NS).withName(WORKER).get();
    }

    private static Condition condition(String type) {
        return worker().getStatus().getConditions().stream()
                .filter(c -> type.equals(c.getType()))
                .findFirst()
                .orElseThrow();
    }

    /** Cold starts the operator recorded in its timer {@code synod.worker.cold.start}. */
    private static long coldStarts() {
        Timer t = operatorMeters.find("synod.worker.cold.start").timer();
        return t == null ? 0 : t.count();
    }
}
