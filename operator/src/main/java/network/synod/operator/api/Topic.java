package network.synod.operator.api;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A prediction topic: the question many workers answer and the gateway combines. */
@Group(SynodApi.GROUP)
@Version(SynodApi.VERSION)
@ShortNames("stopic")
public class Topic extends CustomResource<TopicSpec, TopicStatus> implements Namespaced {}
