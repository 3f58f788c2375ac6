package network.synod.worker.oip;

/** A failed OIP call: its HTTP status and the message sent as {@code {"error": "..."}}. */
public final class OipException extends RuntimeException {

    private final int status;

    public OipException(int status, String message) {
        super(message);
        this.status = status;
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

    public int status() {
        return status;
    }
}
