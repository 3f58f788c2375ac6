package network.synod.operator.worker;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

import network.synod.operator.api.Worker;

/** The ClusterIP Service the gateway reaches the worker's replicas through. */
@KubernetesDependent(informer = @Informer(labelSelector = WorkerLabels.MANAGED_SELECTOR))
public class WorkerServiceDependent extends CRUDKubernetesDependentResource<Service, Worker> {
    private WorkerDefaults defaults;

    public WorkerServiceDependent() {
        super(Service.class);
    }

    /* test */ WorkerServiceDependent(WorkerDefaults defaults) {
        this();
        this.defaults = defaults;
    }

    @Override
    public Service desired(Worker worker, Context<Worker> context) {
        int port = defaults().port();
        return new ServiceBuilder()
                .withNewMetadata()
                .withName(worker.getMetadata().getName())
                .withNamespace(worker.getMetadata().getNamespace())
                .withLabels(WorkerLabels.all(worker))
                .endMetadata()
                .withNewSpec()
                .withType("ClusterIP")
                .withSelector(WorkerLabels.selector(worker))
                .addNewPort()
                .withName("http")
                .withPort(port)
                .withNewTargetPort("http")
                .endPort()
                .endSpec()
                .build();
    }

    /** The URL the gateway calls this worker at, through the Service's cluster DNS name. */
    public static String endpoint(Worker worker, int port) {
        return "http://" + worker.getMetadata().getName() + "."
                + worker.getMetadata().getNamespace() + ".svc:" + port;
    }

    private WorkerDefaults defaults() {
        if (defaults == null) {
            defaults = WorkerDefaults.fromConfig();
        }
        return defaults;
    }
}
