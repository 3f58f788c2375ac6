package network.synod.core.refusal;

/**
 * A request the domain refuses, for a reason the caller can act on. Domain code throws this (never an HTTP type);
 * the services' one exception mapper ({@code network.synod.web.ProblemMapper}) turns the reason into a status, so
 * the mapping to HTTP lives in one place.
 */
public class Refusal extends RuntimeException {

    /** Why a request is refused. */
    public enum Reason {
        /** A value the domain rejects: out of range, unknown, inconsistent with other values. */
        INVALID,
        /** The thing asked about does not exist. */
        NOT_FOUND,
        /** The request contradicts the state (already exists, already applied, wrong phase). */
        CONFLICT,
        /** The movement would overdraw an account. */
        INSUFFICIENT_FUNDS,
        /** The service cannot do it now (a dependency is down, a concurrent update); the caller may retry. */
        UNAVAILABLE
    }

    private final Reason reason;
    private final long retryAfterSeconds;

    public Refusal(Reason reason, String detail) {
        this(reason, detail, 0);
    }

    private Refusal(Reason reason, String detail, long retryAfterSeconds) {
        super(detail);
        this.reason = reason;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Reason reason() {
        return reason;
    }

    /** For {@link Reason#UNAVAILABLE}: seconds after which a retry may succeed; 0 when the domain cannot tell. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static Refusal invalid(String detail) {
        return new Refusal(Reason.INVALID, detail);
    }

    public static Refusal notFound(String detail) {
        return new Refusal(Reason.NOT_FOUND, detail);
    }

    public static Refusal conflict(String detail) {
        return new Refusal(Reason.CONFLICT, detail);
    }

    public static Refusal insufficientFunds(String detail) {
        return new Refusal(Reason.INSUFFICIENT_FUNDS, detail);
    }

    public static Refusal unavailable(String detail) {
        return new Refusal(Reason.UNAVAILABLE, detail);
    }

    /** Unavailable now, expected to be available after about {@code retryAfterSeconds} (at least 1). */
    public static Refusal unavailable(String detail, long retryAfterSeconds) {
        return new Refusal(Reason.UNAVAILABLE, detail, Math.max(1, retryAfterSeconds));
    }
}
