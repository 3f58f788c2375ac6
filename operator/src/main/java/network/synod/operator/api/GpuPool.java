package network.synod.operator.api;

import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A cluster-wide set of nodes, chosen by labels, that workers may be placed on. */
@Group(SynodApi.GROUP)
@Version(SynodApi.VERSION)
@ShortNames("gpool")
public class GpuPool extends CustomResource<GpuPoolSpec, GpuPoolStatus> {}
