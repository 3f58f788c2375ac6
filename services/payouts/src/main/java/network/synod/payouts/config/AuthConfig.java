package network.synod.payouts.config;

import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Tokens per docs/contracts.md: one admin token, and one token per participant acting for itself. */
@ConfigMapping(prefix = "synod.auth")
public interface AuthConfig {

    @WithDefault("synod-admin")
    String adminToken();

    @WithDefault("synod-reputer")
    String reputerToken();

    /** participant id → token. */
    Map<String, String> participantTokens();
}
