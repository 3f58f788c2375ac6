package network.synod.payouts.api;

import jakarta.enterprise.context.ApplicationScoped;

import network.synod.payouts.config.AuthConfig;
import network.synod.web.BearerToken;

/**
 * Bearer-token checks per docs/contracts.md: a missing or unknown token is 401, a known token of the wrong role 403.
 * A participant token acts only for its own participant id; the admin token moves nobody's stake.
 */
@ApplicationScoped
public class Auth {

    private final AuthConfig config;

    public Auth(AuthConfig config) {
        this.config = config;
    }

    public void requireAdmin(String authorization) {
        String token = token(authorization);
        if (!token.equals(config.adminToken())) {
            throw forbidden("the admin role is required");
        }
    }

    public void requireParticipant(String authorization, String participant) {
        String token = token(authorization);
        String expected = config.participantTokens().get(participant);
        if (expected == null || !expected.equals(token)) {
            throw forbidden("only " + participant + " may do this");
        }
    }

    /** The token, once it is known to belong to some role. */
    private String token(String authorization) {
        String token = BearerToken.of(authorization);
        if (token == null) {
            throw new ApiException(401, "Unauthorized", "an Authorization: Bearer token is required");
        }
        boolean known = token.equals(config.adminToken()) || token.equals(config.reputerToken())
                || config.participantTokens().containsValue(token);
        if (!known) {
            throw new ApiException(401, "Unauthorized", "unknown token");
        }
        return token;
    }

    private static ApiException forbidden(String detail) {
        return new ApiException(403, "Forbidden", detail);
    }
}
