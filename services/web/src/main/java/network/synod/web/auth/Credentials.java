package network.synod.web.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;

import network.synod.web.BearerToken;
import network.synod.web.Problem;

/**
 * Resolves a bearer token to its {@link Caller}. Every configured token is compared, each in constant time, so how
 * long a check takes tells nothing about which token, or how much of one, a guess matched.
 */
@ApplicationScoped
public class Credentials {

    public static final String DEFAULT_REPUTER = "default";

    private final AuthConfig config;

    public Credentials(AuthConfig config) {
        this.config = config;
    }

    /** The caller the {@code Authorization} header speaks for; 401 when it is missing or unknown. */
    public Caller caller(String authorization) {
        String token = BearerToken.of(authorization);
        if (token == null) {
            throw Problem.unauthorized("this endpoint needs an 'Authorization: Bearer <token>' header");
        }
        byte[] presented = token.getBytes(StandardCharsets.UTF_8);
        Caller found = null;
        if (matches(config.adminToken(), presented)) {
            found = new Caller(Role.ADMIN, "admin");
        }
        if (matches(config.reputerToken(), presented)) {
            found = new Caller(Role.REPUTER, DEFAULT_REPUTER);
        }
        found = firstMatch(config.reputerTokens(), presented, Role.REPUTER, found);
        found = firstMatch(config.participantTokens(), presented, Role.PARTICIPANT, found);
        if (found == null) {
            throw Problem.unauthorized("unknown credential");
        }
        return found;
    }

    /** Checks that the caller holds one of {@code roles} (and, as a participant, is {@code participant}). */
    public Caller require(String authorization, Role[] roles, String participant) {
        Caller caller = caller(authorization);
        for (Role r : roles) {
            if (r == caller.role() && (r != Role.PARTICIPANT || caller.id().equals(participant))) {
                return caller;
            }
        }
        if (caller.role() == Role.PARTICIPANT && contains(roles, Role.PARTICIPANT)) {
            throw Problem.forbidden("only " + participant + " may do this");
        }
        throw Problem.forbidden("this endpoint needs the " + labels(roles) + " role");
    }

    private static Caller firstMatch(Map<String, String> tokens, byte[] presented, Role role, Caller found) {
        Caller result = found;
        for (Map.Entry<String, String> e : tokens.entrySet()) {
            if (matches(Optional.of(e.getValue()), presented) && result == null) {
                result = new Caller(role, e.getKey());
            }
        }
        return result;
    }

    private static boolean matches(Optional<String> token, byte[] presented) {
        return token.isPresent()
                && !token.get().isEmpty()
                && MessageDigest.isEqual(token.get().getBytes(StandardCharsets.UTF_8), presented);
    }

    private static boolean contains(Role[] roles, Role role) {
        for (Role r : roles) {
            if (r == role) {
                return true;
            }
        }
        return false;
    }

    private static String labels(Role[] roles) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < roles.length; i++) {
            s.append(i == 0 ? "" : i == roles.length - 1 ? " or " : ", ").append(roles[i].label());
        }
        return s.toString();
    }
}
