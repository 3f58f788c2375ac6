package network.synod.web.auth;

import java.util.Locale;

/** Who a credential speaks for. */
public enum Role {
    /** The network's operators: topics, workers, economics, quarantines. */
    ADMIN,
    /** Reporters of ground truth; each reputer token names its reputer. */
    REPUTER,
    /** A staked participant acting on its own account (the path's {@code id}). */
    PARTICIPANT;

    /** The role as the problem details say it ("admin", "reputer", "participant"). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
