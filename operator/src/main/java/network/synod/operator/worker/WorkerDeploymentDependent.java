package network.synod.operator.worker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

import network.synod.operator.api.ModelSpec;
import network.synod.operator.api.PlacementStatus;
import network.synod.operator.api.SynodApi;
import network.synod.operator.api.Worker;

/**
 * The worker's Deployment: the worker image with its model settings, OIP health probes, and the placement's
 * nodeSelector, tolerations, GPU limits and device; replicas come from the status the scaling step wrote.
 */
@KubernetesDependent(informer = @Informer(labelSelector = WorkerLabels.MANAGED_SELECTOR))
public class WorkerDeploymentDependent extends CRUDKubernetesDependentResource<Deployment, Worker> {
    /** Toleration for the GPU taint, matching it with or without a value (GKE, Karpenter and GPU Operator styles). */
    static final Toleration GPU_TOLERATION = new TolerationBuilder()
            .withKey("nvidia.com/gpu")
            .withOperator("Exists")
            .withEffect("NoSchedule")
            .build();

    static final String SIGNING_VOLUME = "signing-key";
    static final long WORKER_GROUP = 185;

    private WorkerDefaults defaults;

    public WorkerDeploymentDependent() {
        super(Deployment.class);
    }

    /* test */ WorkerDeploymentDependent(WorkerDefaults defaults) {
        this();
        this.defaults = defaults;
    }

    @Override
    public Deployment desired(Worker worker, Context<Worker> context) {
        WorkerDefaults d = defaults();
        ModelSpec model = worker.getSpec().getModel();
        PlacementStatus placement = worker.getStatus().getPlacement();
        String image = worker.getSpec().getImage() != null ? worker.getSpec().getImage() : d.image();
        Map<String, String> labels = WorkerLabels.all(worker);
        Map<String, String> podLabels = new LinkedHashMap<>(labels);
        if (placement.getPool() != null) {
            podLabels.put(SynodApi.LABEL_POOL, placement.getPool());
        }
        return new DeploymentBuilder()
                .withNewMetadata()
                .withName(worker.getMetadata().getName())
                .withNamespace(worker.getMetadata().getNamespace())
                .withLabels(labels)
                .endMetadata()
                .withNewSpec()
                .withReplicas(worker.getStatus().getReplicas())
                .withNewSelector()
                .withMatchLabels(WorkerLabels.selector(worker))
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(podLabels)
                .endMetadata()
                .withNewSpec()
                .withNodeSelector(placement.getNodeSelector().isEmpty() ? null : placement.getNodeSelector())
                .withTolerations(tolerations(placement))
                // The key file is group-readable only (0440); fsGroup gives the worker's user (185 in
                // Synod's images) that group.
                .withNewSecurityContext()
                .withFsGroup(WORKER_GROUP)
                .endSecurityContext()
                .addNewVolume()
                .withName(SIGNING_VOLUME)
                .withNewSecret()
                .withSecretName(WorkerSigningKeyDependent.secretName(worker))
                .addNewItem()
                .withKey(WorkerSigningKeyDependent.PRIVATE)
                .withPath(WorkerSigningKeyDependent.PRIVATE)
                .endItem()
                .withDefaultMode(0440)
                .endSecret()
                .endVolume()
                .addNewContainer()
                .withName("worker")
                .withImage(image)
                .addNewPort()
                .withName("http")
                .withContainerPort(d.port())
                .endPort()
                .withEnv(env(worker.getMetadata().getName(), model, placement, d))
                .addNewVolumeMount()
                .withName(SIGNING_VOLUME)
                .withMountPath(WorkerSigningKeyDependent.MOUNT)
                .withReadOnly(true)
                .endVolumeMount()
                .withResources(resources(placement))
                .withLivenessProbe(probe("/v2/health/live", d.port(), 10))
                .withReadinessProbe(probe("/v2/models/" + model.getName() + "/ready", d.port(), 5))
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    private WorkerDefaults defaults() {
        if (defaults == null) {
            defaults = WorkerDefaults.fromConfig();
        }
        return defaults;
    }

    static List<EnvVar> env(String workerName, ModelSpec model, PlacementStatus placement, WorkerDefaults d) {
        List<EnvVar> env = new ArrayList<>();
        // The worker signs its receipts under this id and the gateway checks it against the name the worker is
        // registered under (the Worker's name). Without it the id defaults to the model name, so the receipts of a
        // worker registered with its key would all be refused.
        env.add(var("SYNOD_WORKER_ID", workerName));
        // Every replica signs with the Worker's one key (WorkerSigningKeyDependent), the one the gateway knows.
        env.add(var("SYNOD_WORKER_KEY_FILE", WorkerSigningKeyDependent.KEY_FILE));
        env.add(var("SYNOD_MODEL_NAME", model.getName()));
        env.add(var("SYNOD_MODEL_KIND", model.getKind()));
        if (model.getUrl() != null) {
            env.add(var("SYNOD_MODEL_URL", model.getUrl()));
        }
        if (model.getDigest() != null) {
            // The worker compares bare hex; the optional sha256: prefix is for people reading the spec.
            env.add(var("SYNOD_MODEL_DIGEST", model.getDigest().replaceFirst("^sha256:", "")));
        }
        if (model.getEngine() != null) {
            env.add(var("DJL_DEFAULT_ENGINE", model.getEngine()));
        }
        env.add(var("SYNOD_DEVICE", placement.getDevice()));
        env.add(var("QUARKUS_HTTP_PORT", String.valueOf(d.port())));
        if (d.otlpEndpoint() != null) {
            // The worker's spans go to the operator's collector; without an endpoint it records none.
            env.add(var("OTEL_EXPORTER_OTLP_ENDPOINT", d.otlpEndpoint()));
            env.add(var("OTEL_EXPORTER_OTLP_PROTOCOL", d.otlpProtocol()));
        }
        return env;
    }

    private static List<Toleration> tolerations(PlacementStatus placement) {
        List<Toleration> tolerations = new ArrayList<>(placement.getTolerations());
        if (placement.getGpuResource() != null && !tolerations.contains(GPU_TOLERATION)) {
            tolerations.add(GPU_TOLERATION);
        }
        return tolerations;
    }

    private static ResourceRequirements resources(PlacementStatus placement) {
        if (placement.getGpuResource() == null) {
            return new ResourceRequirementsBuilder().build();
        }
        // Extended resources must be integers with requests equal to limits; setting limits implies the request.
        Quantity amount = new Quantity(String.valueOf(placement.getGpuCount()));
        return new ResourceRequirementsBuilder()
                .withLimits(Map.of(placement.getGpuResource(), amount))
                .build();
    }

    private static Probe probe(String path, int port, int periodSeconds) {
        return new ProbeBuilder()
                .withNewHttpGet()
                .withPath(path)
                .withNewPort(port)
                .endHttpGet()
                .withPeriodSeconds(periodSeconds)
                .withFailureThreshold(3)
                .build();
    }

    private static EnvVar var(String name, String value) {
        return new EnvVarBuilder().withName(name).withValue(value).build();
    }
}
