package network.synod.operator.api;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A model that answers one or more topics, run in the cluster or reached at an external endpoint. */
@Group(SynodApi.GROUP)
@Version(SynodApi.VERSION)
@ShortNames("sworker")
public class Worker extends CustomResource<WorkerSpec, WorkerStatus> implements Namespaced {}
