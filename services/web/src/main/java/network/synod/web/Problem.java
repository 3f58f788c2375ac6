package network.synod.web;

import java.util.OptionalLong;

/**
 * A request a service refuses at the HTTP edge: answered as an RFC 9457 {@code application/problem+json} body (or
 * {@code {"error"}} on the OIP paths) with this status, the status's one {@link Titles title}, and the message as the
 * detail. {@link ProblemMapper} answers it; domain code throws {@code network.synod.core.refusal.Refusal} instead.
 */
public class Problem extends RuntimeException {

    private final int status;
    private final OptionalLong retryAfterSeconds;

    public Problem(int status, String detail) {
        this(status, detail, OptionalLong.empty());
    }

    private Problem(int status, String detail, OptionalLong retryAfterSeconds) {
        super(detail);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a problem is a 4xx or 5xx answer, not " + status);
        }
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public String title() {
        return Titles.of(status);
    }

    /** Seconds after which a retry may succeed, sent as {@code Retry-After} (503, 429). */
    public OptionalLong retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static Problem badRequest(String detail) {
        return new Problem(400, detail);
    }

    public static Problem unauthorized(String detail) {
        return new Problem(401, detail);
    }

    public static Problem forbidden(String detail) {
        return new Problem(403, detail);
    }

    public static Problem notFound(String detail) {
        return new Problem(404, detail);
    }

    public static Problem conflict(String detail) {
        return new Problem(409, detail);
    }

    public static Problem unprocessable(String detail) {
        return new Problem(422, detail);
    }

    public static Problem unavailable(String detail) {
        return new Problem(503, detail);
    }

    /** 503 with {@code Retry-After}: the service expects to answer after that many seconds. */
    public static Problem unavailable(String detail, long retryAfterSeconds) {
        return new Problem(503, detail, OptionalLong.of(retryAfterSeconds));
    }

    /** 429 with {@code Retry-After}. */
    public static Problem tooManyRequests(String detail, long retryAfterSeconds) {
        return new Problem(429, detail, OptionalLong.of(retryAfterSeconds));
    }
}
