package network.synod.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** What a topic asks: how answers are scored, how often, and how it is rewarded. */
public class TopicSpec {
    @Required
    @Pattern("^(mse|mae|logloss)$")
    @JsonPropertyDescription("Loss function used to score inferences: mse, mae or logloss.")
    private String lossFunction = "mse";

    @Min(1)
    @JsonPropertyDescription("Epoch length in seconds.")
    private Integer epochLengthSeconds = 60;

    @Min(0)
    @JsonPropertyDescription("Seconds between an inference and the revealed ground truth.")
    private Integer groundTruthLagSeconds = 0;

    @Pattern("^(allora|synod)$")
    @JsonPropertyDescription("How the gateway synthesises the network inference: synod (the default, as in the "
            + "gateway's API) or allora.")
    private String synthesisMode = "synod";

    @Min(1)
    @JsonPropertyDescription("Seasonal period for seasonal models (optional).")
    private Integer season;

    @JsonPropertyDescription("Label of the subnet this topic belongs to.")
    private String subnetLabel;

    @Min(0)
    @JsonPropertyDescription("Minimum stake a participant needs to take part.")
    private Double minimumStake = 0.0;

    @Min(0)
    @JsonPropertyDescription("Share of emissions this topic receives, relative to other topics.")
    private Double emissionWeight = 1.0;

    public String getLossFunction() {
        return lossFunction;
    }

    public void setLossFunction(String lossFunction) {
        this.lossFunction = lossFunction;
    }

    public Integer getEpochLengthSeconds() {
        return epochLengthSeconds;
    }

    public void setEpochLengthSeconds(Integer epochLengthSeconds) {
        this.epochLengthSeconds = epochLengthSeconds;
    }

    public Integer getGroundTruthLagSeconds() {
        return groundTruthLagSeconds;
    }

    public void setGroundTruthLagSeconds(Integer groundTruthLagSeconds) {
        this.groundTruthLagSeconds = groundTruthLagSeconds;
    }

    public String getSynthesisMode() {
        return synthesisMode;
    }

    public void setSynthesisMode(String synthesisMode) {
        this.synthesisMode = synthesisMode;
    }

    public Integer getSeason() {
        return season;
    }

    public void setSeason(Integer season) {
        this.season = season;
    }

    public String getSubnetLabel() {
        return subnetLabel;
    }

    public void setSubnetLabel(String subnetLabel) {
        this.subnetLabel = subnetLabel;
    }

    public Double getMinimumStake() {
        return minimumStake;
    }

    public void setMinimumStake(Double minimumStake) {
        this.minimumStake = minimumStake;
    }

    public Double getEmissionWeight() {
        return emissionWeight;
    }

    public void setEmissionWeight(Double emissionWeight) {
        this.emissionWeight = emissionWeight;
    }
}
