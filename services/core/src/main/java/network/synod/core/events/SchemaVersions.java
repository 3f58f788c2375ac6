package network.synod.core.events;

import java.util.Map;

import network.synod.core.refusal.Refusal;

/**
 * How the records on Synod's Kafka topics are versioned. Every record carries {@code schemaVersion}. Adding a field
 * does not change it (readers ignore fields they do not know, and a field a writer leaves out reads as null);
 * changing the meaning or type of a field does. A record written before the field existed reads as version 1.
 */
public final class SchemaVersions {

    private SchemaVersions() {}

    /** The version a record without the field has: the form it had before versions were written. */
    public static final int FIRST = 1;

    /** The newest version of each contract this build reads and writes. */
    private static final Map<Class<? extends Versioned>, Integer> CURRENT = Map.of(
            InferenceRecord.class, InferenceRecord.SCHEMA_VERSION,
            WeightUpdate.class, WeightUpdate.SCHEMA_VERSION,
            EpochScoresEvent.class, EpochScoresEvent.SCHEMA_VERSION,
            FraudEvent.class, FraudEvent.SCHEMA_VERSION,
            QuarantineOrder.class, QuarantineOrder.SCHEMA_VERSION);

    /** Refuses a record newer than this build knows for its type (see {@link #requireKnown(String, int, int)}). */
    public static void requireKnown(Versioned record) {
        Integer known = CURRENT.get(record.getClass());
        if (known == null) {
            throw new IllegalArgumentException(record.getClass().getSimpleName() + " is not a versioned contract");
        }
        requireKnown(record.getClass().getSimpleName(), record.schemaVersion(), known);
    }

    /** {@code version} as read, with an absent field (0) taken as {@link #FIRST}. */
    static int orFirst(int version) {
        return version == 0 ? FIRST : version;
    }

    /**
     * Refuses a record of a version this reader does not know (newer than {@code known}, or negative): it cannot be
     * read correctly, so the consumer must not act on a guess.
     */
    public static void requireKnown(String contract, int version, int known) {
        if (version < FIRST || version > known) {
            throw Refusal.invalid(contract + " has schema version " + version + "; this reader knows versions " + FIRST
                    + " to " + known);
        }
    }
}
