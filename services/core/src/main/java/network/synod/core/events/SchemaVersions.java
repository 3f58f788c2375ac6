package network.synod.core.events;

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
