package network.synod.operator.worker;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

import network.synod.operator.api.Worker;

/**
 * Precondition of the signing-key Secret: the worker is served from the cluster rather than an external endpoint.
 * Unlike {@link RunsInCluster} it does not wait for a place, so the key outlives a worker that is briefly invalid
 * or unplaced: a new key would be a new identity at the gateway.
 */
public class ServedInCluster implements Condition<HasMetadata, Worker> {
    @Override
    public boolean isMet(DependentResource<HasMetadata, Worker> dependent, Worker worker, Context<Worker> context) {
        return worker.getSpec().getExternalEndpoint() == null;
    }
}
