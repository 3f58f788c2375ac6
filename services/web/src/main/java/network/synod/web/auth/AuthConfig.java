package network.synod.web.auth;

import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * The bearer credentials a service accepts (prefix {@code synod.auth}), the same keys in every service; a service
 * sets only the roles it serves. Missing tokens accept nobody for that role.
 */
@ConfigMapping(prefix = "synod.auth")
public interface AuthConfig {

    /** The admin token. */
    Optional<String> adminToken();

    /** The token of the default reputer (id {@value Credentials#DEFAULT_REPUTER}). */
    Optional<String> reputerToken();

    /** Further reputers: id → token. */
    Map<String, String> reputerTokens();

    /** Participants acting on their own accounts: id → token. */
    Map<String, String> participantTokens();
}
