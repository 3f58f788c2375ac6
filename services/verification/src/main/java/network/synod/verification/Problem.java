package network.synod.verification;


/** A client-visible failure, answered as RFC 9457 {@code application/problem+json}. */
public class Problem extends RuntimeException {

    private final int status;
    private final String title;

    public Problem(int status, String title, String detail) {
        super(detail);
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

    public static Problem notFound(String detail) {
        return new Problem(404, "Not Found", detail);
    }
}
