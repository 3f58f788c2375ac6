package network.synod.scoring.api;

import network.synod.web.Problem;

/** A refusal with its HTTP status (scoring's own factories); {@link ProblemMapper} turns it into a problem body. */
public class ProblemException extends Problem {

    public ProblemException(int status, String title, String detail) {
        super(status, title, detail);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "Bad Request", detail);
    }

    public static ProblemException unauthorized() {
        return new ProblemException(401, "Unauthorized", "a known bearer token is required");
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not Found", detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail);
    }
}
