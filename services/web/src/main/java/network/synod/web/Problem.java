package network.synod.web;

/**
 * A request a service refuses: answered as an RFC 9457 {@code application/problem+json} body with this status and
 * title, the message being the problem's detail. Each service's exception mapper turns it into the answer (see
 * {@link ProblemResponses}); services with refusals of their own subclass it with factories for them.
 */
public class Problem extends RuntimeException {

    private final int status;
    private final String title;

    public Problem(int status, String title, String detail) {
        super(detail);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a problem is a 4xx or 5xx answer, not " + status);
        }
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public static Problem badRequest(String detail) {
        return new Problem(400, "Bad Request", detail);
    }

    public static Problem unauthorized(String detail) {
        return new Problem(401, "Unauthorized", detail);
    }

    public static Problem forbidden(String detail) {
        return new Problem(403, "Forbidden", detail);
    }

    public static Problem notFound(String detail) {
        return new Problem(404, "Not Found", detail);
    }

    public static Problem conflict(String detail) {
        return new Problem(409, "Conflict", detail);
    }

    public static Problem unavailable(String detail) {
        return new Problem(503, "Service Unavailable", detail);
    }
}
