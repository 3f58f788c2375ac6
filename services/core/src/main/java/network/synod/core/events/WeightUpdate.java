package network.synod.core.events;

import network.synod.core.synthesis.TopicState;

/** What scoring publishes on {@code synod.weights} after closing an epoch: the topic's whole learnt state. */
public record WeightUpdate(int schemaVersion, String topic, long epoch, TopicState state) {

    public static final int SCHEMA_VERSION = 1;

    public WeightUpdate {
        schemaVersion = SchemaVersions.orFirst(schemaVersion);
    }

    /** An update of the current schema version. */
    public WeightUpdate(String topic, long epoch, TopicState state) {
        this(SCHEMA_VERSION, topic, epoch, state);
    }
}
