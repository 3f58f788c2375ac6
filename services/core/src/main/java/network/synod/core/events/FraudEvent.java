package network.synod.core.events;

/**
 * What verification publishes on {@code synod.fraud-events} when an audit fails, for payouts to slash the offender
 * (docs/contracts.md). Applied once per {@code eventId}.
 *
 * @param prover the participant that proved the fraud (paid a share of the slash if it is known to payouts)
 * @param evidence where the proof is; null for an event raised by hand
 */
public record FraudEvent(
        int schemaVersion,
        String eventId,
        String topic,
        String offender,
        String prover,
        String reason,
        Evidence evidence) {

    public static final int SCHEMA_VERSION = 1;

    public FraudEvent {
        schemaVersion = SchemaVersions.orFirst(schemaVersion);
    }

    /** An event of the current schema version. */
    public FraudEvent(String eventId, String topic, String offender, String prover, String reason, Evidence evidence) {
        this(SCHEMA_VERSION, eventId, topic, offender, prover, reason, evidence);
    }

    /**
     * @param verdict the verdict's URL in the verification service
     * @param details the audit's evidence as the verdict holds it (receipt, context, re-executed value…)
     */
    public record Evidence(String verdict, Long verdictId, String requestId, Object details) {}
}
