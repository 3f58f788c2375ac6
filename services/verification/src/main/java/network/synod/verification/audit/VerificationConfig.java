package network.synod.verification.audit;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The verification service's settings ({@code synod.verification.*}). */
@ConfigMapping(prefix = "synod.verification")
public interface VerificationConfig {

    /** The audit rate of a topic with none set through the admin API. */
    @WithDefault("0.02")
    double defaultRate();

    /** The participant id the slashed share is paid to (payouts' {@code prover}). */
    @WithDefault("verifier")
    String prover();

    /**
     * How long after its last record an epoch is taken as committed when no later epoch's record has arrived; its
     * seed is then revealed and its records audited.
     */
    @WithDefault("PT2S")
    Duration epochCloseAfter();

    /** How long a verifier may take to re-execute one input. */
    @WithDefault("PT10S")
    Duration verifierTimeout();

    /** The secret the epoch seeds derive from (hex); generated once and kept in PostgreSQL when absent. */
    Optional<String> seedSecret();

    /** Where this service is reachable, for the evidence links in fraud events. */
    @WithDefault("http://localhost:8084")
    String publicUrl();
}
