package network.synod.operator.worker;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

import network.synod.operator.api.Worker;

/**
 * Precondition of the Deployment and Service: the worker runs in the cluster (no external endpoint), its spec is
 * valid and placement found it a place. When it stops holding, the dependents are removed.
 */
public class RunsInCluster implements Condition<HasMetadata, Worker> {
    @Override
    public boolean isMet(DependentResource<HasMetadata, Worker> dependent, Worker worker, Context<Worker> context) {
        return worker.getSpec().getExternalEndpoint() == null
                && worker.getStatus() != null
                && worker.getStatus().getPlacement() != null;
    }
}
