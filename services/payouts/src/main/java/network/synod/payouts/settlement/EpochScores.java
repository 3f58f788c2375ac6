package network.synod.payouts.settlement;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What scoring publishes on {@code synod.epoch-scores} (docs/contracts.md); scores are Allora's instantaneous ones. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EpochScores(String topic, Long epoch, List<Score> inferers, List<Score> forecasters,
        List<Score> reputers, Double combinedLoss, Double naiveLoss) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Score(String id, Double score) {
    }
}
