package network.synod.scoring.api;

import network.synod.web.Problem;

/** A reputer's ground truth for one epoch: {@code {"epoch": long, "value": number}}. */
public record GroundTruth(Long epoch, Double value) {

    /** Guards the body: both fields present, the epoch not negative and the value a finite number. */
    public void validate() {
        if (epoch == null || value == null) {
            throw Problem.badRequest("both \"epoch\" and \"value\" are required");
        }
        if (epoch < 0) {
            throw Problem.badRequest("epoch must be >= 0, got " + epoch);
        }
        if (!Double.isFinite(value)) {
            throw Problem.badRequest("value must be a finite number, got " + value);
        }
    }
}
