package network.synod.core.verification;

import java.nio.charset.StandardCharsets;

/**
 * The randomness audits are drawn from. The seed of a topic's epoch is HMAC(secret, topic ‖ epoch); its SHA-256
 * (the commitment) can be published before the epoch, and the seed itself is revealed only once the epoch's records
 * are committed. A worker therefore cannot know which answers will be audited while it answers, and anyone can check
 * afterwards that the revealed seed is the committed one, so the auditor could not choose it after the fact either.
 */
public record EpochSeed(String topic, long epoch, byte[] seed) {

    public static EpochSeed derive(byte[] secret, String topic, long epoch) {
        return new EpochSeed(
                topic, epoch, Hashes.hmacSha256(secret, (topic + "\n" + epoch).getBytes(StandardCharsets.UTF_8)));
    }

    /** The commitment published before the epoch: hex SHA-256 of the seed. */
    public String commitment() {
        return Hashes.sha256Hex(seed);
    }

    public String seedHex() {
        return Hashes.hex(seed);
    }

    /** Whether {@code seedHex} is the seed behind {@code commitment}. */
    public static boolean opens(String commitment, String seedHex) {
        return Hashes.sha256Hex(Hashes.unhex(seedHex)).equalsIgnoreCase(commitment);
    }
}
