package network.synod.operator.worker;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import jakarta.inject.Inject;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import network.synod.operator.api.GpuPool;
import network.synod.operator.api.GpuRequest;
import network.synod.operator.api.SynodApi;
import network.synod.operator.api.Worker;
import network.synod.operator.api.WorkerSpec;
import network.synod.operator.testing.Cluster;
import network.synod.operator.testing.GatewayRecorder;
import network.synod.operator.testing.GatewayRecorderResource;

/**
 * The Worker reconciler against the Fabric8 mock API server (CRUD mode) with simulated GPU nodes labelled like GPU
 * Feature Discovery, and a recorder standing in for the gateway.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@QuarkusTestResource(value = GatewayRecorderResource.class, restrictToAnnotatedClass = true)
class WorkerOperatorQuarkusTest {
    private static final String NS = "test";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    KubernetesClient client;

    private GatewayRecorder gateway;

    @BeforeEach
    void cluster() {
        gateway = GatewayRecorderResource.gateway();
        if (client.resources(GpuPool.class).withName("h100").get() != null) {
            return;
        }
        client.nodes()
                .resource(Cluster.gpuNode(
                        "h100-1", "h100", "NVIDIA-H100-80GB-HBM3", 81559, "none", Map.of("nvidia.com/gpu", "8")))
                .create();
        client.nodes()
                .resource(Cluster.gpuNode("a10-1", "a10", "NVIDIA-A10G", 23028, "none", Map.of("nvidia.com/gpu", "1")))
                .create();
        client.nodes()
                .resource(Cluster.gpuNode(
                        "mig-1", "mig", "NVIDIA-A100-SXM4-80GB", 81920, "mixed", Map.of("nvidia.com/mig-1g.10gb", "7")))
                .create();
        client.nodes()
                .resource(Cluster.gpuNode("l4-1", "l4", "NVIDIA-L4", 23034, "none", Map.of("nvidia.com/gpu", "1")))
                .create();
        client.nodes().resource(Cluster.cpuNode("cpu-1", "cpu")).create();
        client.resources(GpuPool.class)
                .resource(Cluster.pool("h100", "NVIDIA-H100-80GB-HBM3", 81559, "none", 8, 10))
                .create();
        client.resources(GpuPool.class)
                .resource(Cluster.pool("a10", "NVIDIA-A10G", 23028, "none", 1, 2))
                .create();
        client.resources(GpuPool.class)
                .resource(Cluster.pool("mig", "NVIDIA-A100-SXM4-80GB", 81920, "mixed", 1, 5))
                .create();
        client.resources(GpuPool.class)
                .resource(Cluster.pool("l4", "NVIDIA-L4", 23034, "none", 1, 1))
                .create();
        client.resources(GpuPool.class)
                .resource(Cluster.pool("cpu", null, 0, "none", 0, 0))
                .create();
    }

    @Test
    void testMixedPoolsPlacementDeploymentsAndRegistration() {
        create(worker("big", "t-mixed", gpus(2, "H100", null)));
        create(worker("small", "t-mixed", gpus(1, "A10G", null)));
        create(worker("slice", "t-mixed", gpus(1, null, "1g.10gb")));
        Worker cpu = worker("cpu-only", "t-mixed", null);
        create(cpu);

        assertScheduledOn("big", "h100");
        assertScheduledOn("small", "a10");
        assertScheduledOn("slice", "mig");
        assertScheduledOn("cpu-only", null);

        Deployment big = deployment("big");
        var bigPod = big.getSpec().getTemplate().getSpec();
        assertEquals(
                new Quantity("2"),
                bigPod.getContainers().get(0).getResources().getLimits().get("nvidia.com/gpu"));
        assertEquals(Map.of(Cluster.POOL_LABEL, "h100"), bigPod.getNodeSelector());
        assertTrue(bigPod.getTolerations().contains(WorkerDeploymentDependent.GPU_TOLERATION));
        assertEquals("gpu", env(big, "SYNOD_DEVICE"));
        assertEquals(
                new Quantity("1"),
                deployment("slice")
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getResources()
                        .getLimits()
                        .get("nvidia.com/mig-1g.10gb"));
        Deployment cpuDeployment = deployment("cpu-only");
        assertTrue(cpuDeployment
                                .getSpec()
                                .getTemplate()
                                .getSpec()
                                .getContainers()
                                .get(0)
                                .getResources()
                                .getLimits()
                        == null
                || cpuDeployment
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getResources()
                        .getLimits()
                        .isEmpty());
        assertEquals("cpu", env(cpuDeployment, "SYNOD_DEVICE"));
        assertNotNull(client.services().inNamespace(NS).withName("big").get());

        await().atMost(WAIT).until(() -> gateway.saw("PUT", "/v1/admin/topics/t-mixed/workers/big"));
        var put = gateway.calls().stream()
                .filter(c -> c.path().equals("/v1/admin/topics/t-mixed/workers/big"))
                .findFirst()
                .orElseThrow();
        assertEquals("Bearer test-admin", put.auth());
        assertTrue(put.body().contains("\"url\":\"http://big.test.svc:8080\""), put.body());

        // The worker's signing key: one Secret owned by the Worker, mounted into its pods, its public half registered.
        Secret key =
                client.secrets().inNamespace(NS).withName("big-signing-key").get();
        assertNotNull(key);
        assertEquals("Worker", key.getMetadata().getOwnerReferences().get(0).getKind());
        String publicKey = new String(
                Base64.getDecoder().decode(key.getData().get(WorkerSigningKeyDependent.PUBLIC)),
                StandardCharsets.US_ASCII);
        assertKeyPairMatches(
                new String(
                        Base64.getDecoder().decode(key.getData().get(WorkerSigningKeyDependent.PRIVATE)),
                        StandardCharsets.US_ASCII),
                publicKey);
        assertEquals(WorkerSigningKeyDependent.KEY_FILE, env(big, "SYNOD_WORKER_KEY_FILE"));
        assertEquals("big-signing-key", bigPod.getVolumes().get(0).getSecret().getSecretName());
        assertEquals(
                WorkerSigningKeyDependent.MOUNT,
                bigPod.getContainers().get(0).getVolumeMounts().get(0).getMountPath());
        await().atMost(WAIT)
                .until(() -> gateway.calls().stream()
                        .anyMatch(c -> c.path().equals("/v1/admin/topics/t-mixed/workers/big")
                                && c.body().contains(publicKey)));

        Worker placed = get("big");
        for (Condition c : placed.getStatus().getConditions()) {
            assertEquals(placed.getMetadata().getGeneration(), c.getObservedGeneration(), c.getType());
        }
        assertEquals(placed.getMetadata().getGeneration(), placed.getStatus().getObservedGeneration());
        assertEquals(
                "app.kubernetes.io/name=synod-worker,app.kubernetes.io/instance=big",
                placed.getStatus().getSelector());

        // The pool reports its capacity and what the placed worker holds.
        await().atMost(WAIT).untilAsserted(() -> {
            GpuPool h100 = client.resources(GpuPool.class).withName("h100").get();
            assertNotNull(h100.getStatus());
            assertEquals(List.of("h100-1"), h100.getStatus().getNodes());
            assertEquals(8L, h100.getStatus().getAllocatable().get("nvidia.com/gpu"));
            assertEquals(2L, h100.getStatus().getAllocated().get("nvidia.com/gpu"));
        });
    }

    @Test
    void testFullPoolGivesScheduledFalseUntilANodeIsAdded() {
        create(worker("l4-a", "t-full", gpus(1, "L4", null)));
        assertScheduledOn("l4-a", "l4");
        create(worker("l4-b", "t-full", gpus(1, "L4", null)));
        await().atMost(WAIT).untilAsserted(() -> {
            Condition scheduled = condition(get("l4-b"), "Scheduled");
            assertEquals("False", scheduled.getStatus());
            assertEquals("InsufficientCapacity", scheduled.getReason());
            assertTrue(scheduled.getMessage().contains("l4"), scheduled.getMessage());
        });
        assertNull(client.apps().deployments().inNamespace(NS).withName("l4-b").get());

        client.nodes()
                .resource(Cluster.gpuNode("l4-2", "l4", "NVIDIA-L4", 23034, "none", Map.of("nvidia.com/gpu", "1")))
                .create();
        assertScheduledOn("l4-b", "l4");
        assertNotNull(deployment("l4-b"));
    }

    @Test
    void testInvalidWorkersAreReportedAndOthersUndisturbed() {
        Worker negative = worker("bad-replicas", "t-invalid", null);
        negative.getSpec().setReplicas(-2);
        Worker migZero = worker("bad-mig", "t-invalid", gpus(0, null, "1g.10gb"));
        Worker badUrl = worker("bad-url", "t-invalid", null);
        badUrl.getSpec().getModel().setKind("djl");
        badUrl.getSpec().getModel().setUrl("not a url");
        Worker unknownPool = worker("bad-pool", "t-invalid", gpus(1, null, null));
        unknownPool.getSpec().setPool(new network.synod.operator.api.PoolSelection());
        unknownPool.getSpec().getPool().setName("does-not-exist");
        create(negative);
        create(migZero);
        create(badUrl);
        create(unknownPool);
        create(worker("good", "t-invalid", null));

        assertReason("bad-replicas", "InvalidSpec", "spec.replicas must not be negative");
        assertReason("bad-mig", "InvalidSpec", "spec.gpu.migProfile needs count >= 1");
        assertReason("bad-url", "InvalidSpec", "spec.model.url must be a file:, jar: or https: URL");
        assertReason("bad-pool", "PoolNotFound", "GpuPool does-not-exist does not exist");
        assertScheduledOn("good", null);
        for (String name : List.of("bad-replicas", "bad-mig", "bad-url", "bad-pool")) {
            assertNull(
                    client.apps().deployments().inNamespace(NS).withName(name).get(), name);
            assertTrue(!gateway.saw("PUT", "/v1/admin/topics/t-invalid/workers/" + name), name);
        }
    }

    @Test
    void testReplicasFollowDemandScaleToZeroAndWakeUp() {
        Worker w = worker("elastic", "t-demand", null);
        w.getSpec().getScaling().setMaxReplicas(5);
        w.getSpec().getScaling().setTargetInFlightPerReplica(4);
        w.getSpec().getScaling().setIdleSecondsBeforeScaleToZero(1);
        gateway.demand("t-demand", 9, Instant.now().toString());
        create(w);
        await().atMost(WAIT).until(() -> replicas("elastic") == 3);
        // The replicas come up (idle time counts from readiness, see the slow-start test below).
        ready("elastic", 3);
        await().atMost(WAIT).until(() -> get("elastic").getStatus().getActivationStartedAt() == null);

        gateway.demand("t-demand", 0, Instant.now().minusSeconds(60).toString());
        await().atMost(WAIT).until(() -> replicas("elastic") == 0);
        await().atMost(WAIT)
                .until(() ->
                        "ScaledToZero".equals(condition(get("elastic"), "Ready").getReason()));
        // At zero the gateway holds the worker as dormant: no requests go to it, requests for its topic wait.
        await().atMost(WAIT).until(() -> gateway.dormant("t-demand").contains("elastic"));

        gateway.demand("t-demand", 2, Instant.now().toString());
        await().atMost(WAIT).until(() -> replicas("elastic") == 1);
        assertNotNull(get("elastic").getStatus().getActivationStartedAt());
        assertTrue(gateway.dormant("t-demand").contains("elastic"), "dormant until a replica is ready");
        // Stand in for the Deployment controller: one replica becomes ready.
        ready("elastic", 1);
        await().atMost(WAIT).untilAsserted(() -> {
            Worker now = get("elastic");
            assertEquals("True", condition(now, "Ready").getStatus());
            assertNotNull(now.getStatus().getLastColdStartSeconds());
            assertNull(now.getStatus().getActivationStartedAt());
            assertTrue(gateway.dormant("t-demand").isEmpty());
        });
        assertTrue(gateway.saw("DELETE", "/v1/admin/topics/t-demand/workers/elastic/dormant"));
    }

    /**
     * The race behind the e2e activation failure: a first start whose replica takes longer than the idle time to be
     * ready was scaled back to zero before it was ready (idle time counted from the scale-up), so the cold start was
     * never completed. The replica here becomes ready three idle times after the scale-up.
     */
    @Test
    void testAColdStartLongerThanTheIdleTimeCompletesBeforeIdleScaleToZero() {
        Worker w = worker("slow-start", "t-slow", null);
        w.getSpec().setReplicas(0);
        w.getSpec().getScaling().setIdleSecondsBeforeScaleToZero(1);
        gateway.demand("t-slow", 0, null);
        create(w);
        await().atMost(WAIT)
                .until(() -> replicas("slow-start") == 1
                        && get("slow-start").getStatus() != null
                        && get("slow-start").getStatus().getActivationStartedAt() != null);
        Instant activated = Instant.parse(get("slow-start").getStatus().getActivationStartedAt());

        // The replica is still starting three idle times later (the operator reconciles every 0.5 s meanwhile).
        await().atMost(WAIT).until(() -> Instant.now().isAfter(activated.plusSeconds(3)));
        assertEquals(1, replicas("slow-start"), "scaled away while its replica was still starting");
        assertNotNull(get("slow-start").getStatus().getActivationStartedAt());

        ready("slow-start", 1);
        await().atMost(WAIT).untilAsserted(() -> {
            Worker now = get("slow-start");
            assertNotNull(now.getStatus().getLastColdStartSeconds());
            assertTrue(
                    now.getStatus().getLastColdStartSeconds() >= 3,
                    now.getStatus().getLastColdStartSeconds() + " s");
            assertNull(now.getStatus().getActivationStartedAt());
        });
        Instant ready = Instant.parse(get("slow-start").getStatus().getLastActivatedAt());
        // Idle from readiness on: the worker goes to zero after its idle time.
        await().atMost(WAIT).until(() -> replicas("slow-start") == 0);
        assertTrue(Duration.between(ready, Instant.now()).toMillis() >= 1000);
    }

    @Test
    void testQuarantineExternalAndDeletion() {
        Worker external = worker("outside", "t-life", null);
        external.getSpec().setExternalEndpoint("https://worker.example.org:8443");
        create(external);
        create(worker("inside", "t-life", null));
        await().atMost(WAIT)
                .until(() -> gateway.saw("PUT", "/v1/admin/topics/t-life/workers/outside")
                        && gateway.saw("PUT", "/v1/admin/topics/t-life/workers/inside"));
        assertTrue(gateway.calls().stream()
                .anyMatch(c ->
                        c.path().endsWith("/workers/outside") && c.body().contains("https://worker.example.org:8443")));
        assertEquals("External", condition(get("outside"), "Scheduled").getReason());
        assertNull(
                client.apps().deployments().inNamespace(NS).withName("outside").get());

        client.resources(Worker.class).inNamespace(NS).withName("inside").edit(x -> {
            x.getMetadata().getAnnotations().put(SynodApi.ANNOTATION_QUARANTINE, "forged inferences");
            return x;
        });
        await().atMost(WAIT).untilAsserted(() -> {
            Worker q = get("inside");
            assertEquals("True", condition(q, "Quarantined").getStatus());
            assertEquals(0, q.getStatus().getReplicas());
        });
        assertTrue(gateway.saw("DELETE", "/v1/admin/topics/t-life/workers/inside"));

        // A quarantine the gateway holds (verification caught the worker) scales it to zero as well, and lifting it
        // there brings the worker back and registers it again.
        gateway.demand("t-held", 0, null);
        create(worker("caught", "t-held", null));
        await().atMost(WAIT).until(() -> gateway.saw("PUT", "/v1/admin/topics/t-held/workers/caught"));
        gateway.quarantine("t-held", "caught", "output-mismatch (verdict 7)");
        await().atMost(WAIT).untilAsserted(() -> {
            Worker q = get("caught");
            Condition c = condition(q, "Quarantined");
            assertEquals("True", c.getStatus());
            assertTrue(
                    c.getMessage().contains("quarantined by the gateway on topic t-held: output-mismatch"),
                    c.getMessage());
            assertEquals(0, q.getStatus().getReplicas());
            assertTrue(gateway.saw("DELETE", "/v1/admin/topics/t-held/workers/caught"));
        });
        gateway.quarantine("t-held", "caught", null);
        long putsBefore = gateway.calls().stream()
                .filter(c -> c.method().equals("PUT") && c.path().equals("/v1/admin/topics/t-held/workers/caught"))
                .count();
        await().atMost(WAIT).untilAsserted(() -> {
            assertEquals("False", condition(get("caught"), "Quarantined").getStatus());
            assertTrue(gateway.calls().stream()
                            .filter(c -> c.method().equals("PUT")
                                    && c.path().equals("/v1/admin/topics/t-held/workers/caught"))
                            .count()
                    > putsBefore);
        });

        client.resources(Worker.class).inNamespace(NS).withName("outside").delete();
        await().atMost(WAIT)
                .until(() -> gateway.saw("DELETE", "/v1/admin/topics/t-life/workers/outside")
                        && client.resources(Worker.class)
                                        .inNamespace(NS)
                                        .withName("outside")
                                        .get()
                                == null);
    }

    private void assertScheduledOn(String name, String pool) {
        await().atMost(WAIT).untilAsserted(() -> {
            Worker w = get(name);
            assertNotNull(w.getStatus(), name);
            assertEquals(
                    "True",
                    condition(w, "Scheduled").getStatus(),
                    name + ": " + condition(w, "Scheduled").getMessage());
            assertEquals(pool, w.getStatus().getPool());
            assertNotNull(
                    client.apps().deployments().inNamespace(NS).withName(name).get(), name);
        });
    }

    private void assertReason(String name, String reason, String messagePart) {
        await().atMost(WAIT).untilAsserted(() -> {
            Condition c = condition(get(name), "Scheduled");
            assertEquals("False", c.getStatus());
            assertEquals(reason, c.getReason());
            assertTrue(c.getMessage().contains(messagePart), c.getMessage());
            assertEquals(get(name).getMetadata().getGeneration(), c.getObservedGeneration());
        });
    }

    private int replicas(String name) {
        Deployment d =
                client.apps().deployments().inNamespace(NS).withName(name).get();
        return d == null ? -1 : d.getSpec().getReplicas();
    }

    /** Stands in for the Deployment controller: the worker's Deployment reports this many ready replicas. */
    private void ready(String name, int replicas) {
        Deployment d = deployment(name);
        d.setStatus(new DeploymentStatusBuilder()
                .withReplicas(replicas)
                .withReadyReplicas(replicas)
                .build());
        client.apps().deployments().inNamespace(NS).resource(d).updateStatus();
    }

    private Deployment deployment(String name) {
        return client.apps().deployments().inNamespace(NS).withName(name).get();
    }

    private static String env(Deployment d, String name) {
        return d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .filter(e -> e.getName().equals(name))
                .findFirst()
                .orElseThrow()
                .getValue();
    }

    private Worker get(String name) {
        return client.resources(Worker.class).inNamespace(NS).withName(name).get();
    }

    private static Condition condition(Worker w, String type) {
        if (w == null || w.getStatus() == null) {
            return new Condition();
        }
        return w.getStatus().getConditions().stream()
                .filter(c -> type.equals(c.getType()))
                .findFirst()
                .orElse(new Condition());
    }

    private void create(Worker w) {
        client.resources(Worker.class).inNamespace(NS).resource(w).create();
    }

    private static Worker worker(String name, String topic, GpuRequest gpu) {
        Worker w = new Worker();
        w.setMetadata(new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(NS)
                .withAnnotations(new java.util.HashMap<>())
                .build());
        WorkerSpec spec = new WorkerSpec();
        spec.setTopics(List.of(topic));
        spec.setGpu(gpu);
        w.setSpec(spec);
        return w;
    }

    private static GpuRequest gpus(int count, String product, String mig) {
        GpuRequest gpu = new GpuRequest();
        gpu.setCount(count);
        gpu.setProduct(product);
        gpu.setMigProfile(mig);
        return gpu;
    }

    /** The PEM private key signs what the registered public key verifies: the two halves of one Ed25519 pair. */
    private static void assertKeyPairMatches(String pem, String publicKey) {
        try {
            String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            KeyFactory ed = KeyFactory.getInstance("Ed25519");
            PrivateKey priv = ed.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
            PublicKey pub =
                    ed.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
            byte[] message = "receipt".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(priv);
            signer.update(message);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(pub);
            verifier.update(message);
            assertTrue(verifier.verify(signature), "the Secret's private and public keys belong together");
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
