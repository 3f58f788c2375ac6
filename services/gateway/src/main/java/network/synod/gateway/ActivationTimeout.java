package network.synod.gateway;

import java.time.Duration;
import network.synod.web.Problem;

/** A request held for a topic whose workers are all at zero, and none became ready within the deadline. */
public class ActivationTimeout extends Problem {

    private final Duration retryAfter;

    public ActivationTimeout(String detail, Duration retryAfter) {
        super(503, "Service Unavailable", detail);
        this.retryAfter = retryAfter;
    }

    /** Whole seconds for the {@code Retry-After} header, at least 1. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
