package network.synod.core.events;

import java.util.List;

/**
 * What scoring publishes on {@code synod.epoch-scores} for payouts (docs/contracts.md). Numbers are boxed because
 * payouts validates what it reads: a missing epoch or score must be refused, not read as 0.
 *
 * @param inferers, forecasters, reputers each participant's score; ids sorted ascending in each list
 */
public record EpochScoresEvent(
        int schemaVersion,
        String topic,
        Long epoch,
        List<ParticipantScore> inferers,
        List<ParticipantScore> forecasters,
        List<ParticipantScore> reputers,
        Double combinedLoss,
        Double naiveLoss) {

    public static final int SCHEMA_VERSION = 1;

    public EpochScoresEvent {
        schemaVersion = SchemaVersions.orFirst(schemaVersion);
    }

    /** An event of the current schema version. */
    public EpochScoresEvent(
            String topic,
            Long epoch,
            List<ParticipantScore> inferers,
            List<ParticipantScore> forecasters,
            List<ParticipantScore> reputers,
            Double combinedLoss,
            Double naiveLoss) {
        this(SCHEMA_VERSION, topic, epoch, inferers, forecasters, reputers, combinedLoss, naiveLoss);
    }

    /** One participant's score. */
    public record ParticipantScore(String id, Double score) {}
}
