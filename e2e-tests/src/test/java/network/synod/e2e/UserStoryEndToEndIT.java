package network.synod.e2e;

import static network.synod.e2e.JsonHttp.get;
import static network.synod.e2e.JsonHttp.send;
import static network.synod.e2e.JsonHttp.status;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;

import network.synod.embedded.LocalKafka;
import network.synod.embedded.LocalPostgres;
import network.synod.embedded.ServiceProcess;
import network.synod.operator.OperatorConfig;
import network.synod.operator.api.GpuPool;
import network.synod.operator.api.GpuPoolSpec;
import network.synod.operator.api.GpuRequest;
import network.synod.operator.api.Topic;
import network.synod.operator.api.TopicSpec;
import network.synod.operator.api.Worker;
import network.synod.operator.api.WorkerSpec;
import network.synod.operator.gateway.SynodClients;
import network.synod.operator.pool.GpuPoolReconciler;
import network.synod.operator.topic.TopicReconciler;
import network.synod.operator.worker.WorkerReconciler;

/**
 * The design's user stories in one walk, with the operator in the loop: a GpuPool, a Topic and Workers are applied;
 * the operator places the workers on the pool's GPU nodes and registers them at the gateway; clients ask, a reputer
 * reveals the truth, scoring scores and moves the weights, payouts settles and pays each epoch; a cheating worker is
 * caught by verification, slashed and quarantined; a worker scales up and to zero; and deleting the resources
 * deregisters everything and stops every worker.
 *
 * <p>The operator's three reconcilers run in this JVM on the Fabric8 mock API server (CRUD mode, server-side apply off
 * as in the operator's own tests) with simulated GPU nodes labelled as GPU Feature Discovery labels them. Gateway,
 * scoring, payouts, verification and a verifier worker run as processes on a real PostgreSQL and Kafka, and one
 * {@link KubeletStandIn} per Worker runs the Deployment's replicas as worker processes. Each worker's Service name
 * resolves to its own loopback address through a hosts file given to the gateway, as cluster DNS would resolve it.
 * The steps depend on each other and run in order; each prints how long it took.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UserStoryEndToEndIT {

    static final String NS = "e2e";
    static final String TOPIC = "story";
    static final String POOL = "h100";
    static final String POOL_LABEL = "synod.network/node-pool";
    static final String ADMIN = "Bearer synod-admin";
    static final Duration LONG = Duration.ofSeconds(240);
    static final Logger MOCK_SERVER_LOG = Logger.getLogger("io.fabric8.mockwebserver");

    /** Worker name → loopback address its Service name resolves to, runtime kind and payouts token. */
    static final Map<String, String> ADDRESS =
            Map.of("honest-a", "127.0.0.2", "honest-b", "127.0.0.3", "cheat", "127.0.0.4");

    static final Map<String, String> KIND = Map.of("honest-a", "last", "honest-b", "ma", "cheat", "last");
    static final Map<String, String> TOKEN =
            Map.of("honest-a", "a-token", "honest-b", "b-token", "cheat", "cheat-token");
    static final List<String> WORKERS = List.of("honest-a", "honest-b", "cheat");
    static final List<String> HONEST = List.of("honest-a", "honest-b");

    /** A wavy series; each epoch asks for the value after a 64-value window of it. */
    static final double[] SERIES = new double[2_000];

    static {
        for (int i = 0; i < SERIES.length; i++) {
            SERIES[i] = 100 + 10 * Math.sin(i / 7.0) + i * 0.01;
        }
    }

    static LocalPostgres postgres;
    static LocalKafka kafka;
    static final List<ServiceProcess> services = new ArrayList<>();
    static ServiceProcess gateway;
    static ServiceProcess scoring;
    static ServiceProcess payouts;
    static ServiceProcess verification;
    static ServiceProcess verifier;
    /** The port the operator gives every worker; each listens on it at its own address. */
    static int workerPort;

    static KubernetesMockServer apiServer;
    static KubernetesClient kube;
    static Operator operator;
    static final Map<String, KubeletStandIn> kubelets = new LinkedHashMap<>();
    /** The next epoch to ask for. */
    static int epoch;

    static long stepStart;

    @BeforeAll
    static void start() throws Exception {
        long started = System.nanoTime();
        MOCK_SERVER_LOG.setLevel(Level.WARNING);
        postgres = LocalPostgres.startEphemeral();
        kafka = LocalKafka.startEphemeral();
        Files.createDirectories(LocalCluster.LOGS);
        Path hosts = LocalCluster.LOGS.resolve("story-hosts");
        StringBuilder names = new StringBuilder("127.0.0.1 localhost " + hostName() + "\n");
        ADDRESS.forEach((w, ip) ->
                names.append(ip).append(' ').append(w).append('.').append(NS).append(".svc\n"));
        Files.writeString(hosts, names);

        List<String> common = List.of(
                "-Dquarkus.datasource.reactive.url=" + postgres.reactiveUrl(),
                "-Dquarkus.datasource.username=" + LocalPostgres.USER,
                "-Dkafka.bootstrap.servers=" + kafka.bootstrapServers());
        List<String> gatewayProps = new ArrayList<>(common);
        gatewayProps.addAll(List.of(
                // Cluster DNS for the workers' Service names (see ScaleToZeroActivationIT).
                "-Djdk.net.hosts.file=" + hosts.toAbsolutePath(),
                "-Dquarkus.vertx.resolver.hosts-path=" + hosts.toAbsolutePath(),
                // Cold worker JVMs on a busy 2-core machine (see LocalCluster).
                "-Dsynod.gateway.worker-timeout=15S"));
        gateway = service("story-gateway", "services/gateway", 0, gatewayProps);
        scoring = service("story-scoring", "services/scoring", 0, common);
        List<String> payoutsProps = new ArrayList<>(common);
        payoutsProps.addAll(List.of(
                "-DSYNOD_PAYOUTS_DB_URL=" + postgres.reactiveUrl(),
                "-DSYNOD_PAYOUTS_DB_USER=" + LocalPostgres.USER,
                "-DSYNOD_PAYOUTS_DB_PASSWORD=unused",
                "-DSYNOD_KAFKA=" + kafka.bootstrapServers()));
        TOKEN.forEach((w, t) -> payoutsProps.add("-Dsynod.auth.participant-tokens." + w + "=" + t));
        payouts = service("story-payouts", "services/payouts", 0, payoutsProps);
        int verificationPort = freePort();
        List<String> verificationProps = new ArrayList<>(common);
        verificationProps.addAll(List.of(
                "-Dsynod.verification.epoch-close-after=PT0.5S",
                "-Dsynod.verification.public-url=http://127.0.0.1:" + verificationPort,
                // Nothing is audited until step 5 sets the topic's rate, so the story's steps come in its order.
                "-Dsynod.verification.default-rate=0"));
        verification = service("story-verification", "services/verification", verificationPort, verificationProps);
        // The verifier re-executes audited answers with the declared model; it serves verification, not a topic.
        verifier = service(
                "story-verifier",
                "services/worker",
                0,
                List.of("-Dsynod.model.kind=last", "-Dsynod.worker.id=verifier"));
        for (ServiceProcess p : List.of(gateway, scoring, payouts, verification)) {
            p.awaitReady("/q/health/ready", LocalCluster.READY);
        }
        verifier.awaitReady("/v2/health/ready", LocalCluster.READY);

        apiServer = MockApi.start();
        kube = MockApi.clientWithSynodCrds(apiServer);
        workerPort = freePort();
        OperatorConfig config = new LocalOperatorConfig(gateway.url(), Optional.of(scoring.url()), workerPort);
        SynodClients clients = new SynodClients(config);
        operator = MockApi.operator(
                kube,
                List.of(
                        new GpuPoolReconciler(),
                        new TopicReconciler(clients),
                        new WorkerReconciler(config, clients, new SimpleMeterRegistry())));

        Path workerJar = ServiceProcess.jar(LocalCluster.ROOT, "services/worker");
        for (String w : WORKERS) {
            // The cheater fabricates half its answers with a cheaper model, as modified code would.
            List<String> props = w.equals("cheat")
                    ? List.of("-Dsynod.worker.cheat-fraction=0.5", "-Dsynod.worker.cheat-seed=7")
                    : List.of();
            KubeletStandIn k =
                    new KubeletStandIn(kube, NS, w, workerJar, ADDRESS.get(w), workerPort, props, LocalCluster.LOGS);
            kubelets.put(w, k);
            k.start();
        }
        System.out.printf(
                "[story] setup (PostgreSQL, Kafka, gateway, scoring, payouts, verification, verifier, "
                        + "mock API server, operator) took %.1f s%n",
                (System.nanoTime() - started) / 1e9);
    }

    @AfterAll
    static void stop() {
        List<AutoCloseable> all = new ArrayList<>(kubelets.values());
        all.add(operator == null ? null : operator::stop);
        all.add(kube);
        all.add(apiServer == null ? null : apiServer::destroy);
        all.addAll(services);
        all.add(kafka);
        all.add(postgres);
        MockApi.closeAll("story", all);
    }

    @BeforeEach
    void startClock() {
        stepStart = System.nanoTime();
    }

    @AfterEach
    void printTime(TestInfo step) {
        System.out.printf("[story] %s took %.1f s%n", step.getDisplayName(), (System.nanoTime() - stepStart) / 1e9);
    }

    @Test
    @Order(1)
    void appliedPoolTopicAndWorkersArePlacedOnGpuNodesAndRegistered() throws Exception {
        // Two GPU nodes as GPU Feature Discovery labels them, tainted as GPU node pools are.
        for (String n : List.of("gpu-1", "gpu-2")) {
            kube.nodes().resource(gpuNode(n)).create();
        }
        kube.resources(GpuPool.class).resource(pool()).create();
        Topic topic = new Topic();
        topic.setMetadata(
                new ObjectMetaBuilder().withName(TOPIC).withNamespace(NS).build());
        topic.setSpec(new TopicSpec());
        kube.resources(Topic.class).inNamespace(NS).resource(topic).create();
        for (String w : WORKERS) {
            kube.resources(Worker.class)
                    .inNamespace(NS)
                    .resource(workerResource(w))
                    .create();
        }

        // The pool counts its nodes and GPUs, and the GPUs the three placed workers reserve.
        waiting().untilAsserted(() -> {
            GpuPool p = kube.resources(GpuPool.class).withName(POOL).get();
            assertEquals(List.of("gpu-1", "gpu-2"), p.getStatus().getNodes());
            assertEquals(Map.of("nvidia.com/gpu", 8L), p.getStatus().getAllocatable());
            assertEquals(Map.of("nvidia.com/gpu", 3L), p.getStatus().getAllocated());
            assertEquals(
                    "True", condition(p.getStatus().getConditions(), "Ready").getStatus());
        });
        // The topic is configured in the gateway and in scoring.
        waiting()
                .untilAsserted(() -> assertEquals(
                        "True",
                        condition(topicResource().getStatus().getConditions(), "Synced")
                                .getStatus()));
        assertEquals(TOPIC, gatewayTopic().path("name").asText());
        assertEquals(
                TOPIC, get(scoring.url() + "/v1/topics/" + TOPIC).path("topic").asText());

        // Each worker: placed on the pool, its Deployment on the pool's nodes with a GPU, its replica started by the
        // stand-in kubelet, ready, and registered at the gateway at its Service's address.
        for (String w : WORKERS) {
            waiting().untilAsserted(() -> {
                Worker r = worker(w);
                assertEquals(POOL, r.getStatus().getPool());
                assertEquals("nvidia.com/gpu", r.getStatus().getPlacement().getGpuResource());
                assertEquals(1, r.getStatus().getPlacement().getGpuCount());
                assertEquals(1, r.getStatus().getReadyReplicas());
                assertEquals("True", condition(r, "Scheduled").getStatus());
                assertEquals("True", condition(r, "Ready").getStatus());
                assertEquals(
                        "True",
                        condition(r, "Registered").getStatus(),
                        condition(r, "Registered").getMessage());
                assertEquals(r.getMetadata().getGeneration(), r.getStatus().getObservedGeneration());
            });
            PodSpec pod = deployment(w).getSpec().getTemplate().getSpec();
            assertEquals(Map.of(POOL_LABEL, POOL), pod.getNodeSelector());
            assertTrue(pod.getTolerations().stream().anyMatch(t -> "nvidia.com/gpu".equals(t.getKey())));
            Container c = pod.getContainers().get(0);
            assertEquals(new Quantity("1"), c.getResources().getLimits().get("nvidia.com/gpu"));
            assertEquals("gpu", env(c, "SYNOD_DEVICE"));
            assertEquals(KIND.get(w), env(c, "SYNOD_MODEL_KIND"));
            assertEquals(w, env(c, "SYNOD_WORKER_ID"));
            assertTrue(kubelets.get(w).running());
            String endpoint = "http://" + w + "." + NS + ".svc:" + workerPort;
            assertEquals(endpoint, worker(w).getStatus().getEndpoint());
            assertEquals(endpoint, registration(w).orElseThrow().path("url").asText());
        }
        assertTrue(gatewayTopic().path("dormant").isEmpty(), gatewayTopic().toString());

        // Each worker signs with the key of its Worker's Secret, and the operator registered that key at the gateway,
        // so every receipt is checked and verification can audit the worker from its first answer.
        for (String w : WORKERS) {
            JsonNode meta = get(kubelets.get(w).url() + "/v2/models/model").path("parameters");
            assertEquals(w, meta.path("worker").asText());
            Secret key =
                    kube.secrets().inNamespace(NS).withName(w + "-signing-key").get();
            assertNotNull(key, w + "'s signing key");
            String publicKey =
                    new String(Base64.getDecoder().decode(key.getData().get("public.key")), StandardCharsets.US_ASCII);
            assertEquals(publicKey, meta.path("publicKey").asText(), w + " signs with its Secret's key");
            waiting()
                    .until(() -> publicKey.equals(
                            registration(w).orElseThrow().path("publicKey").asText()));
        }

        // Payouts: the workers and the verifier are participants; each worker stakes 1,000 on the topic, whose fee
        // revenue gives it a share of each epoch's emission.
        send("PUT", payouts.url() + "/v1/admin/topics/" + TOPIC + "/economics", Map.of("feeRevenue", 1_000), ADMIN);
        for (String p : List.of("honest-a", "honest-b", "cheat", "verifier")) {
            send("PUT", payouts.url() + "/v1/admin/participants/" + p, Map.of(), ADMIN);
        }
        for (String w : WORKERS) {
            send("POST", payouts.url() + "/v1/admin/grants", Map.of("participant", w, "amount", 1_000), ADMIN);
            send(
                    "POST",
                    payouts.url() + "/v1/participants/" + w + "/stake/deposits",
                    Map.of("topic", TOPIC, "amount", 1_000),
                    "Bearer " + TOKEN.get(w));
        }
    }

    @Test
    @Order(2)
    void clientsAskTheTopicAndGetEveryWorkersAnswerAndTheNetworkValue() throws Exception {
        JsonNode answer = ask();
        assertTrue(Double.isFinite(answer.path("value").asDouble(Double.NaN)), answer.toString());
        assertEquals(Set.copyOf(WORKERS), ids(answer.path("workers")), answer.toString());
        answer.path("workers")
                .forEach(w -> assertTrue(Double.isFinite(w.path("value").asDouble(Double.NaN)), answer.toString()));
        assertTrue(answer.path("failed").isEmpty(), answer.toString());
    }

    @Test
    @Order(3)
    void groundTruthScoresTheWorkersAndMovesTheWeights() throws Exception {
        JsonNode before = gatewayTopic();
        revealAndAwaitWeights(epoch - 1);
        // Under Allora's rules the combination stays a plain mean until workers are experienced (1/α = 10 scored
        // epochs); a few epochs more, and the weights follow the regrets. The weights an epoch's answer used are the
        // ones scored with it, so each epoch is asked only once the gateway applies the previous epoch's state, as
        // at a real epoch's cadence; asked sooner on a busy machine, answers would use a state several epochs old.
        for (int i = 0; i < 13; i++) {
            ask();
            revealAndAwaitWeights(epoch - 1);
        }
        int last = epoch - 1;
        // Scoring closed every epoch with a score per worker, and the gateway applies the state of the last one.
        for (int e = 0; e <= last; e++) {
            int closed = e;
            String url = scoring.url() + "/v1/topics/" + TOPIC + "/epochs/" + closed;
            waiting().until(() -> status(url) == 200);
            JsonNode scores = get(url).path("scores").path("inferers");
            assertEquals(Set.copyOf(WORKERS), fields(scores), scores.toString());
        }
        waiting().until(() -> gatewayTopic().path("stateEpoch").asLong() == last);
        JsonNode weights = gatewayTopic().path("weights");
        assertEquals(Set.copyOf(WORKERS), fields(weights), weights.toString());
        Set<Double> distinct = new HashSet<>();
        weights.forEach(v -> distinct.add(v.asDouble()));
        assertTrue(distinct.size() > 1, "the weights did not move: " + weights);
        System.out.printf(
                "[story] weights before the truth %s, after epoch %d %s%n", before.path("weights"), last, weights);
    }

    @Test
    @Order(4)
    void payoutsSettleEachEpochAndPayTheHonestWorkers() throws Exception {
        int last = epoch - 1;
        for (int e = 0; e <= last; e++) {
            String url = payouts.url() + "/v1/epochs/" + e + "/topics/" + TOPIC + "/settlement";
            waiting().until(() -> status(url) == 200);
            JsonNode settlement = get(url);
            long pot = settlement.path("pot").asLong();
            assertTrue(pot > 0, settlement.toString());
            long paid = 0;
            Set<String> inferers = new HashSet<>();
            for (JsonNode line : settlement.path("lines").path("items")) {
                paid += line.path("amount").asLong();
                if ("INFERER".equals(line.path("role").asText())) {
                    inferers.add(line.path("participant").asText());
                }
            }
            assertEquals(pot, paid, "the report lines add up to the pot: " + settlement);
            assertTrue(inferers.containsAll(HONEST), settlement.toString());
        }
        for (String w : HONEST) {
            assertTrue(rewards(w) > 0, w + " was not paid");
        }
        JsonNode audit = get(payouts.url() + "/v1/admin/conservation", ADMIN);
        assertTrue(audit.path("conserved").asBoolean(), audit.toString());
    }

    @Test
    @Order(5)
    void theCheaterIsCaughtSlashedAndQuarantined() throws Exception {
        // Audits start: a verifier for the model the workers declare, and every answer of the topic sampled.
        String digest = get(kubelets.get("cheat").url() + "/v2/models/model")
                .path("parameters")
                .path("modelDigest")
                .asText();
        send(
                "PUT",
                verification.url() + "/v1/admin/verifiers/" + digest,
                Map.of("url", verifier.url(), "model", "model", "mode", "exact"),
                ADMIN);
        send("PUT", verification.url() + "/v1/admin/topics/" + TOPIC, Map.of("auditRate", 1.0), ADMIN);
        long cheatStake = stake("cheat");
        assertEquals(1_000, cheatStake);

        int firstAudited = epoch;
        boolean quarantined = false;
        for (int i = 0; i < 200 && !quarantined; i++) {
            ask();
            reveal(epoch - 1);
            quarantined = quarantine().has("cheat");
        }
        waiting().until(() -> quarantine().has("cheat"));
        System.out.printf("[story] cheater quarantined at the gateway after %d audited epochs%n", epoch - firstAudited);

        // The verdicts: the cheater failed; no honest answer failed; honest-a's `last` passed re-execution.
        assertTrue(get(verification.url() + "/v1/verdicts?worker=cheat&outcome=fail")
                        .size()
                >= 1);
        for (String w : HONEST) {
            assertEquals(
                    0,
                    get(verification.url() + "/v1/verdicts?worker=" + w + "&outcome=fail")
                            .size());
        }
        assertTrue(get(verification.url() + "/v1/verdicts?worker=honest-a&outcome=pass")
                        .size()
                > 0);
        // Slashed: the cheater's stake shrinks and the verifier is paid its share.
        waiting().until(() -> stake("cheat") < 1_000);
        waiting().until(() -> rewards("verifier") > 0);

        // Quarantined: the gateway asks the cheater no more, and the honest workers keep being paid.
        Map<String, Long> paid = new HashMap<>();
        for (String w : HONEST) {
            paid.put(w, rewards(w));
        }
        for (int i = 0; i < 3; i++) {
            JsonNode answer = ask();
            reveal(epoch - 1);
            assertEquals(Set.copyOf(HONEST), ids(answer.path("workers")), answer.toString());
            assertFalse(answer.path("failed").has("cheat"), answer.toString());
        }
        for (String w : HONEST) {
            waiting().until(() -> rewards(w) > paid.get(w));
        }

        // Verification quarantined the cheater at the gateway; the operator reads that from the topic and takes the
        // worker out of the cluster too, with no one touching the Worker: zero replicas, its process stopped,
        // deregistered from the topic (the gateway keeps the quarantine until an admin lifts it).
        waiting().untilAsserted(() -> {
            Condition q = condition(worker("cheat"), "Quarantined");
            assertEquals("True", q.getStatus());
            assertTrue(q.getMessage().startsWith("quarantined by the gateway on topic " + TOPIC), q.getMessage());
            assertEquals(0, deployment("cheat").getSpec().getReplicas());
            assertFalse(kubelets.get("cheat").running());
            assertTrue(registration("cheat").isEmpty());
        });
        JsonNode audit = get(payouts.url() + "/v1/admin/conservation", ADMIN);
        assertTrue(audit.path("conserved").asBoolean(), audit.toString());
    }

    @Test
    @Order(6)
    void aWorkerScalesUpAndThenToZero() throws Exception {
        KubeletStandIn b = kubelets.get("honest-b");
        int startsBefore = b.starts.size();
        long allocatedBefore = allocatedGpus();
        // Up: `kubectl scale worker/honest-b --replicas=2` raises the floor.
        kube.resources(Worker.class).inNamespace(NS).withName("honest-b").edit(w -> {
            w.getSpec().setReplicas(2);
            w.getSpec().getScaling().setMaxReplicas(2);
            return w;
        });
        waiting().untilAsserted(() -> {
            assertEquals(2, deployment("honest-b").getSpec().getReplicas());
            assertEquals(2, b.runningReplicas());
            assertEquals(2, worker("honest-b").getStatus().getReadyReplicas());
            assertEquals(allocatedBefore + 1, allocatedGpus());
        });
        assertEquals(startsBefore + 1, b.starts.size());

        // Down to zero: no floor and a short idle time; the topic has been idle, so the worker goes to zero, both
        // replicas stop, and the gateway holds it dormant (it routes nothing to it until it is woken).
        kube.resources(Worker.class).inNamespace(NS).withName("honest-b").edit(w -> {
            w.getSpec().setReplicas(0);
            w.getSpec().getScaling().setIdleSecondsBeforeScaleToZero(3);
            return w;
        });
        waiting().untilAsserted(() -> {
            assertEquals(0, deployment("honest-b").getSpec().getReplicas());
            assertEquals(0, b.runningReplicas());
            assertEquals("ScaledToZero", condition(worker("honest-b"), "Ready").getReason());
            assertTrue(
                    ids(gatewayTopic().path("dormant")).contains("honest-b"),
                    gatewayTopic().toString());
        });
        // Still registered, only dormant; honest-a keeps serving.
        assertTrue(registration("honest-b").isPresent());
        assertFalse(ids(gatewayTopic().path("dormant")).contains("honest-a"));
        assertTrue(kubelets.get("honest-a").running());
    }

    @Test
    @Order(7)
    void deletingTheResourcesDeregistersEverythingAndStopsEveryWorker() throws Exception {
        for (String w : WORKERS) {
            kube.resources(Worker.class).inNamespace(NS).withName(w).delete();
        }
        // The operator's finalizer holds each Worker until the gateway confirms its deregistration.
        waiting().untilAsserted(() -> {
            for (String w : WORKERS) {
                assertNull(
                        kube.resources(Worker.class).inNamespace(NS).withName(w).get(), w);
            }
        });
        assertTrue(gatewayTopic().path("workers").isEmpty(), gatewayTopic().toString());

        // The Deployments, Services and signing-key Secrets are owned by their Worker; in a cluster the garbage
        // collector deletes them with it. The mock API server has no garbage collector, so this test does its job,
        // after checking that the owner references it would follow are there.
        for (String w : WORKERS) {
            for (HasMetadata owned : Arrays.asList(
                    deployment(w),
                    service(w),
                    kube.secrets().inNamespace(NS).withName(w + "-signing-key").get())) {
                if (owned == null) {
                    continue;
                }
                assertTrue(
                        owned.getMetadata().getOwnerReferences().stream()
                                .anyMatch(o -> "Worker".equals(o.getKind()) && w.equals(o.getName())),
                        owned.getMetadata().toString());
                kube.resource(owned).delete();
            }
        }
        waiting().untilAsserted(() -> {
            for (String w : WORKERS) {
                assertNull(deployment(w));
                assertNull(service(w));
                assertNull(kube.secrets()
                        .inNamespace(NS)
                        .withName(w + "-signing-key")
                        .get());
                assertFalse(kubelets.get(w).running(), w + " still runs");
            }
        });

        // The topic is deleted from the gateway and from scoring; the pool goes.
        kube.resources(Topic.class).inNamespace(NS).withName(TOPIC).delete();
        waiting().untilAsserted(() -> {
            assertNull(topicResource());
            assertEquals(404, status(gateway.url() + "/v1/topics/" + TOPIC));
            assertEquals(404, status(scoring.url() + "/v1/topics/" + TOPIC));
        });
        kube.resources(GpuPool.class).withName(POOL).delete();
        waiting()
                .untilAsserted(() ->
                        assertNull(kube.resources(GpuPool.class).withName(POOL).get()));
        for (KubeletStandIn k : kubelets.values()) {
            assertEquals(0, k.runningReplicas());
        }
    }

    // ---- the cluster's objects

    private static Node gpuNode(String name) {
        return new NodeBuilder()
                .withNewMetadata()
                .withName(name)
                .addToLabels(POOL_LABEL, POOL)
                .addToLabels("nvidia.com/gpu.present", "true")
                .addToLabels("nvidia.com/gpu.product", "NVIDIA-H100-80GB-HBM3")
                .addToLabels("nvidia.com/gpu.memory", "81559")
                .addToLabels("nvidia.com/mig.strategy", "none")
                .endMetadata()
                .withNewSpec()
                .addNewTaint()
                .withKey("nvidia.com/gpu")
                .withValue("present")
                .withEffect("NoSchedule")
                .endTaint()
                .endSpec()
                .withNewStatus()
                .addToAllocatable("cpu", new Quantity("32"))
                .addToAllocatable("nvidia.com/gpu", new Quantity("4"))
                .endStatus()
                .build();
    }

    private static GpuPool pool() {
        GpuPool pool = new GpuPool();
        pool.setMetadata(new ObjectMetaBuilder().withName(POOL).build());
        GpuPoolSpec spec = new GpuPoolSpec();
        spec.setNodeSelector(Map.of(POOL_LABEL, POOL));
        spec.setGpuProduct("NVIDIA-H100-80GB-HBM3");
        spec.setGpuMemoryMiB(81559);
        spec.setGpusPerNode(4);
        spec.setCost(10);
        pool.setSpec(spec);
        return pool;
    }

    private static Worker worker(String name) {
        return kube.resources(Worker.class).inNamespace(NS).withName(name).get();
    }

    /** An inferer of the topic with one GPU and one replica always running. */
    private static Worker workerResource(String name) {
        Worker w = new Worker();
        w.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NS).build());
        WorkerSpec spec = new WorkerSpec();
        spec.setTopics(List.of(TOPIC));
        spec.getModel().setName("model");
        spec.getModel().setKind(KIND.get(name));
        spec.setGpu(new GpuRequest());
        spec.setReplicas(1);
        w.setSpec(spec);
        return w;
    }

    private static Topic topicResource() {
        return kube.resources(Topic.class).inNamespace(NS).withName(TOPIC).get();
    }

    private static Deployment deployment(String name) {
        return kube.apps().deployments().inNamespace(NS).withName(name).get();
    }

    private static Service service(String name) {
        return kube.services().inNamespace(NS).withName(name).get();
    }

    private static long allocatedGpus() {
        return kube.resources(GpuPool.class)
                .withName(POOL)
                .get()
                .getStatus()
                .getAllocated()
                .get("nvidia.com/gpu");
    }

    private static Condition condition(Worker w, String type) {
        return condition(w.getStatus().getConditions(), type);
    }

    private static Condition condition(List<Condition> conditions, String type) {
        return conditions.stream()
                .filter(c -> type.equals(c.getType()))
                .findFirst()
                .orElseThrow();
    }

    private static String env(Container c, String name) {
        return c.getEnv().stream()
                .filter(e -> name.equals(e.getName()))
                .findFirst()
                .orElseThrow()
                .getValue();
    }

    // ---- the network's APIs

    /** Asks for the next epoch's forecast, as a client does. */
    private static JsonNode ask() throws Exception {
        double[] window = Arrays.copyOfRange(SERIES, epoch, epoch + 64);
        JsonNode answer = send(
                "POST",
                gateway.url() + "/v1/topics/" + TOPIC + "/inferences",
                Map.of("window", window, "epoch", epoch),
                null);
        epoch++;
        return answer;
    }

    /** A reputer reveals what the value after the epoch's window was. */
    private static void reveal(int e) throws Exception {
        send(
                "POST",
                scoring.url() + "/v1/topics/" + TOPIC + "/ground-truth",
                Map.of("epoch", e, "value", SERIES[e + 64]),
                "Bearer synod-reputer");
    }

    /** Reveals the epoch's truth and waits until the gateway uses the state scoring computed with it. */
    private static void revealAndAwaitWeights(int e) throws Exception {
        reveal(e);
        waiting().until(() -> gatewayTopic().path("stateEpoch").asLong() >= e);
    }

    private static JsonNode gatewayTopic() throws Exception {
        return get(gateway.url() + "/v1/topics/" + TOPIC);
    }

    /** The worker as the gateway has it registered on the topic, if it is. */
    private static Optional<JsonNode> registration(String worker) throws Exception {
        for (JsonNode w : gatewayTopic().path("workers")) {
            if (worker.equals(w.path("name").asText())) {
                return Optional.of(w);
            }
        }
        return Optional.empty();
    }

    private static JsonNode quarantine() throws Exception {
        return get(gateway.url() + "/v1/admin/topics/" + TOPIC + "/quarantine", ADMIN);
    }

    private static long stake(String participant) throws Exception {
        return get(payouts.url() + "/v1/participants/" + participant + "/balances")
                .path("staked")
                .asLong();
    }

    private static long rewards(String participant) throws Exception {
        JsonNode b = get(payouts.url() + "/v1/participants/" + participant + "/balances");
        return b.path("rewards").asLong() + b.path("liquid").asLong();
    }

    /** Names in an array of strings or of objects with a name or id. */
    private static Set<String> ids(JsonNode array) {
        Set<String> ids = new HashSet<>();
        array.forEach(n -> ids.add(
                n.isTextual()
                        ? n.asText()
                        : n.has("id") ? n.path("id").asText() : n.path("name").asText()));
        return ids;
    }

    private static Set<String> fields(JsonNode object) {
        Set<String> names = new HashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    // ---- processes and settings

    private static ServiceProcess service(String name, String module, int port, List<String> props) throws IOException {
        ServiceProcess p = ServiceProcess.start(
                name, ServiceProcess.jar(LocalCluster.ROOT, module), port, props, LocalCluster.LOGS);
        services.add(p);
        return p;
    }

    /** Polls until a condition holds; a resource or an answer not there yet counts as not yet. */
    private static ConditionFactory waiting() {
        return await().atMost(LONG).pollInterval(Duration.ofMillis(250)).ignoreExceptions();
    }

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
}
