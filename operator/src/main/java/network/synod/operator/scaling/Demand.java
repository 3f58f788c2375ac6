package network.synod.operator.scaling;

import java.time.Instant;

/**
 * Demand on a worker's topics as the gateway reports it.
 *
 * @param inFlight      requests in flight now
 * @param lastRequestAt when the last request arrived; null if never
 */
public record Demand(int inFlight, Instant lastRequestAt) {
    /** No request ever seen. */
    public static final Demand NONE = new Demand(0, null);

    /** Combines the demand of two topics a worker serves: the larger load and the latest request. */
    public Demand merge(Demand other) {
        Instant latest = lastRequestAt == null
                ? other.lastRequestAt
                : other.lastRequestAt == null || lastRequestAt.isAfter(other.lastRequestAt)
                        ? lastRequestAt
                        : other.lastRequestAt;
        return new Demand(Math.max(inFlight, other.inFlight), latest);
    }
}
