package network.synod.scoring.closing;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a ground-truth report answers: the epoch is {@code closed} (with its network loss and consensus truth)
 * or still {@code pending} a quorum of reports or its inference record.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TruthOutcome(long epoch, String status, Double networkLoss, Double consensus) {

    public static final String CLOSED = "closed";
    public static final String PENDING = "pending";

    public static TruthOutcome pending(long epoch) {
        return new TruthOutcome(epoch, PENDING, null, null);
    }

    public static TruthOutcome closed(long epoch, double networkLoss, double consensus) {
        return new TruthOutcome(epoch, CLOSED, networkLoss, consensus);
    }
}
