package network.synod.core.verification;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Decides which answers are audited: answer (record, worker) is audited iff the top 53 bits of
 * HMAC-SHA256(epochSeed, recordId ‖ worker), read as a fraction of 2^53, are below the audit rate. Every answer is
 * audited independently with probability {@code rate}, so a worker faking a fraction f of n answers is caught with
 * probability 1 − (1 − r·f)^n (bittensor-gensyn.md §C1.4); the seed being revealed only after the epoch's records
 * are committed makes the choice unpredictable to the worker and unbiasable by the auditor.
 */
public final class AuditSampler {

    private AuditSampler() {}

    public static boolean audited(byte[] epochSeed, String recordId, String worker, double rate) {
        if (rate <= 0) {
            return false;
        }
        if (rate >= 1) {
            return true;
        }
        return draw(epochSeed, recordId, worker) < rate;
    }

    /** The uniform draw in [0, 1) behind the decision, for evidence. */
    public static double draw(byte[] epochSeed, String recordId, String worker) {
        byte[] mac = Hashes.hmacSha256(epochSeed, (recordId + "\n" + worker).getBytes(StandardCharsets.UTF_8));
        long bits = ByteBuffer.wrap(mac).getLong() >>> 11;
        return bits * 0x1.0p-53;
    }

    /** The sampler of one epoch seed, keyed once: the same decisions as {@link #audited}, faster for many answers. */
    public static final class Keyed {
        private final javax.crypto.Mac mac;

        public Keyed(byte[] epochSeed) {
            try {
                mac = javax.crypto.Mac.getInstance("HmacSHA256");
                mac.init(new javax.crypto.spec.SecretKeySpec(epochSeed, "HmacSHA256"));
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException("the JDK has no usable HmacSHA256", e);
            }
        }

        public boolean audited(String recordId, String worker, double rate) {
            if (rate <= 0) {
                return false;
            }
            if (rate >= 1) {
                return true;
            }
            byte[] h = mac.doFinal((recordId + "\n" + worker).getBytes(StandardCharsets.UTF_8));
            return (ByteBuffer.wrap(h).getLong() >>> 11) * 0x1.0p-53 < rate;
        }
    }

    /** 1 − (1 − r·f)^n: the chance at least one of a cheater's faked answers is audited. */
    public static double detectionProbability(double rate, double fakedFraction, long answers) {
        return -Math.expm1(answers * Math.log1p(-rate * fakedFraction));
    }
}
