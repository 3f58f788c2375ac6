package network.synod.core.events;

import java.util.List;

/** What scoring publishes on {@code synod.epoch-scores} for payouts (docs/contracts.md). */
public record EpochScoresEvent(String topic, long epoch, List<ParticipantScore> inferers,
        List<ParticipantScore> forecasters, List<ParticipantScore> reputers, double combinedLoss, double naiveLoss) {

    /** One participant's score; ids sorted ascending in each list. */
    public record ParticipantScore(String id, double score) {
    }
}
