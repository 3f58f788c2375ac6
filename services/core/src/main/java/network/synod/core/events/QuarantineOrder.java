package network.synod.core.events;

/**
 * What verification publishes on {@code synod.quarantine} when an audit fails: the gateway stops routing the topic's
 * requests to the worker until an admin lifts it (docs/contracts.md).
 */
public record QuarantineOrder(int schemaVersion, String topic, String worker, String reason, Long verdictId) {

    public static final int SCHEMA_VERSION = 1;

    public QuarantineOrder {
        schemaVersion = SchemaVersions.orFirst(schemaVersion);
    }

    /** An order of the current schema version. */
    public QuarantineOrder(String topic, String worker, String reason, Long verdictId) {
        this(SCHEMA_VERSION, topic, worker, reason, verdictId);
    }
}
