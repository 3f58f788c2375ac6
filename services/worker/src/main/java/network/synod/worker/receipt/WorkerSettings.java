package network.synod.worker.receipt;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Who the worker is when it signs: {@code SYNOD_WORKER_ID}, {@code SYNOD_WORKER_KEY_FILE} (a PKCS#8 Ed25519 key,
 * PEM or DER; a fresh key is generated at start when absent) and, for tests and the detection benchmark only, a
 * fraction of answers to fabricate ({@code SYNOD_WORKER_CHEAT_FRACTION}, 0 = honest, the default).
 */
@ConfigMapping(prefix = "synod.worker")
public interface WorkerSettings {

    /** The id receipts carry: the name the worker is registered under. Defaults to the model name. */
    Optional<String> id();

    /** The PKCS#8 private key file. */
    Optional<String> keyFile();

    /** The share of answers fabricated with a cheaper model instead of the declared one (a simulated cheater). */
    @WithDefault("0")
    double cheatFraction();

    /** Seed of the cheater's choice of which answers to fabricate. */
    @WithDefault("1")
    long cheatSeed();
}
