package network.synod.scoring.auth;

import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The bearer tokens of each role (docs/contracts.md, "Credentials"). */
@ConfigMapping(prefix = "synod.auth")
public interface AuthConfig {

    @WithDefault("synod-admin")
    String adminToken();

    /** The plain reputer token; the reputer it names is {@value Credentials#DEFAULT_REPUTER}. */
    @WithDefault("synod-reputer")
    String reputerToken();

    /** Named reputers, {@code synod.auth.reputer-tokens.<name>=<token>}, so several reputers can report. */
    Map<String, String> reputerTokens();
}
