package network.synod.scoring.auth;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import network.synod.scoring.api.ProblemException;
import network.synod.web.BearerToken;

/** Resolves an {@code Authorization: Bearer} header to a role, and for reputers to the reputer's id. */
@ApplicationScoped
public class Credentials {

    public static final String DEFAULT_REPUTER = "default";

    @Inject
    AuthConfig config;

    /** Throws 401 for a missing or unknown token and 403 for a known token that is not the admin's. */
    public void requireAdmin(String authorization) {
        String token = token(authorization);
        if (!token.equals(config.adminToken())) {
            throw reputer(token).isPresent()
                    ? ProblemException.forbidden("this endpoint needs the admin role")
                    : ProblemException.unauthorized();
        }
    }

    /** The reputer the token belongs to; 401 for a missing or unknown token, 403 for the admin's. */
    public String requireReputer(String authorization) {
        String token = token(authorization);
        Optional<String> id = reputer(token);
        if (id.isPresent()) {
            return id.get();
        }
        throw token.equals(config.adminToken())
                ? ProblemException.forbidden("this endpoint needs the reputer role")
                : ProblemException.unauthorized();
    }

    private Optional<String> reputer(String token) {
        if (token.equals(config.reputerToken())) {
            return Optional.of(DEFAULT_REPUTER);
        }
        for (Map.Entry<String, String> e : config.reputerTokens().entrySet()) {
            if (token.equals(e.getValue())) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }

    private static String token(String authorization) {
        String token = BearerToken.of(authorization);
        if (token == null) {
            throw ProblemException.unauthorized();
        }
        return token;
    }
}
