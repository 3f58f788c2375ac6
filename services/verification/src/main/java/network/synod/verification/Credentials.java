package network.synod.verification;

import jakarta.enterprise.context.ApplicationScoped;
import network.synod.web.BearerToken;
import network.synod.web.Problem;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Checks the bearer token of a write request: missing or unknown → 401, known but another role → 403. */
@ApplicationScoped
public class Credentials {

    @ConfigProperty(name = "synod.auth.admin-token")
    String adminToken;

    @ConfigProperty(name = "synod.auth.reputer-token", defaultValue = "synod-reputer")
    String reputerToken;

    public void requireAdmin(String authorization) {
        String token = BearerToken.of(authorization);
        if (token == null) {
            throw new Problem(401, "Unauthorized", "this endpoint needs 'Authorization: Bearer <admin token>'");
        }
        if (token.equals(adminToken)) {
            return;
        }
        if (token.equals(reputerToken)) {
            throw new Problem(403, "Forbidden", "this endpoint needs the admin role");
        }
        throw new Problem(401, "Unauthorized", "unknown credential");
    }
}
