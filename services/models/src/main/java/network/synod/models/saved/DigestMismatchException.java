package network.synod.models.saved;

import java.io.IOException;

/** A model artifact whose sha256 is not the one configured, so it was not loaded. */
public final class DigestMismatchException extends IOException {

    private final String expected;
    private final String actual;

    public DigestMismatchException(String url, String expected, String actual) {
        super("refusing to load the model at " + url + ": its sha256 is " + actual + " but " + expected
                + " was expected");
        this.expected = expected;
        this.actual = actual;
    }

    public String expected() {
        return expected;
    }

    public String actual() {
        return actual;
    }
}
