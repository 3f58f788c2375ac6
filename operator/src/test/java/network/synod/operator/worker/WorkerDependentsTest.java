package network.synod.operator.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import network.synod.operator.api.PlacementStatus;
import network.synod.operator.api.Worker;

class WorkerDependentsTest {
    private static final WorkerDefaults DEFAULTS = new WorkerDefaults("synod/worker:test", 8080);

    @Test
    void testGpuDeploymentCarriesPlacementLimitsProbesAndEnv() {
        Worker w = WorkerFixtures.placedOnGpus();
        w.getSpec().getModel().setDigest("sha256:" + "a".repeat(64));
        Deployment d = new WorkerDeploymentDependent(DEFAULTS).desired(w, null);

        assertEquals("mlp-1", d.getMetadata().getName());
        assertEquals("ns", d.getMetadata().getNamespace());
        assertEquals(3, d.getSpec().getReplicas());
        var pod = d.getSpec().getTemplate().getSpec();
        assertEquals(Map.of("nvidia.com/gpu.product", "NVIDIA-H100-80GB-HBM3"), pod.getNodeSelector());
        assertEquals(2, pod.getTolerations().size());
        assertTrue(pod.getTolerations().contains(WorkerDeploymentDependent.GPU_TOLERATION));
        assertEquals("h100", d.getSpec().getTemplate().getMetadata().getLabels().get("synod.network/pool"));
        Container c = pod.getContainers().get(0);
        assertEquals("synod/worker:test", c.getImage());
        assertEquals(new Quantity("2"), c.getResources().getLimits().get("nvidia.com/gpu"));
        assertEquals("/v2/health/live", c.getLivenessProbe().getHttpGet().getPath());
        assertEquals("/v2/models/mlp/ready", c.getReadinessProbe().getHttpGet().getPath());
        Map<String, String> env = env(c);
        assertEquals("gpu", env.get("SYNOD_DEVICE"));
        assertEquals("mlp-1", env.get("SYNOD_WORKER_ID"));
        assertEquals("mlp", env.get("SYNOD_MODEL_NAME"));
        assertEquals("mlp", env.get("SYNOD_MODEL_KIND"));
        assertEquals("a".repeat(64), env.get("SYNOD_MODEL_DIGEST"));
        assertEquals("8080", env.get("QUARKUS_HTTP_PORT"));
        assertEquals(d.getSpec().getSelector().getMatchLabels(), WorkerLabels.selector(w));
    }

    @Test
    void testCpuOnlyDeploymentHasNoGpuResourcesOrSelector() {
        Worker w = WorkerFixtures.worker("last-1", WorkerFixtures.spec("eth"));
        w.getSpec().setImage("custom:1");
        w.getStatus().setPlacement(new PlacementStatus());
        w.getStatus().setReplicas(1);
        Deployment d = new WorkerDeploymentDependent(DEFAULTS).desired(w, null);
        var pod = d.getSpec().getTemplate().getSpec();
        Container c = pod.getContainers().get(0);
        assertTrue(c.getResources().getLimits() == null
                || c.getResources().getLimits().isEmpty());
        assertNull(pod.getNodeSelector());
        assertTrue(pod.getTolerations().isEmpty());
        assertEquals("cpu", env(c).get("SYNOD_DEVICE"));
        assertEquals("custom:1", c.getImage());
    }

    @Test
    void testWorkersExportTracesOnlyWhereTheOperatorHasACollector() {
        Worker w = WorkerFixtures.placedOnGpus();
        Map<String, String> off = env(new WorkerDeploymentDependent(DEFAULTS)
                .desired(w, null)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0));
        assertFalse(off.containsKey("OTEL_EXPORTER_OTLP_ENDPOINT"));
        var traced = new WorkerDefaults("synod/worker:test", 8080, "http://collector:4318", "http/protobuf");
        Map<String, String> on = env(new WorkerDeploymentDependent(traced)
                .desired(w, null)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0));
        assertEquals("http://collector:4318", on.get("OTEL_EXPORTER_OTLP_ENDPOINT"));
        assertEquals("http/protobuf", on.get("OTEL_EXPORTER_OTLP_PROTOCOL"));
    }

    @Test
    void testDesiredIsAPureFunctionOfTheWorker() {
        Worker w = WorkerFixtures.placedOnGpus();
        var dependent = new WorkerDeploymentDependent(DEFAULTS);
        assertEquals(dependent.desired(w, null), dependent.desired(w, null));
    }

    @Test
    void testServiceSelectsTheWorkersPods() {
        Worker w = WorkerFixtures.placedOnGpus();
        Service s = new WorkerServiceDependent(DEFAULTS).desired(w, null);
        assertEquals("mlp-1", s.getMetadata().getName());
        assertEquals(WorkerLabels.selector(w), s.getSpec().getSelector());
        assertEquals(8080, s.getSpec().getPorts().get(0).getPort());
        assertEquals("http", s.getSpec().getPorts().get(0).getTargetPort().getStrVal());
        assertEquals("http://mlp-1.ns.svc:8080", WorkerServiceDependent.endpoint(w, 8080));
    }

    private static Map<String, String> env(Container c) {
        return c.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    }
}
