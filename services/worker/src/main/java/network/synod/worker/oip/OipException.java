package network.synod.worker.oip;

import network.synod.web.Problem;

/** A failed OIP call: its HTTP status and the message sent as {@code {"error": "..."}}. */
public final class OipException extends Problem {

    public OipException(int status, String message) {
        super(status, message);
    }

    public static OipException badInput(String message) {
        return new OipException(400, message);
    }

    public static OipException notFound(String message) {
        return new OipException(404, message);
    }

    public static OipException notReady(String message) {
        return new OipException(503, message);
    }
}
