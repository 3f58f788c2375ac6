package network.synod.core.verification;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.Signature;
import java.util.Base64;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/**
 * Receipt signing and checking, {@link Signatures} against the JDK's Ed25519 provider, side by side in one run.
 * On demand: {@code mvn -B -pl services/core test -Dtest=SignatureBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class SignatureBenchmark {

    private static final int N = 3000;

    @Test
    void oursAgainstTheJdk() throws Exception {
        KeyPair kp = Signatures.generate();
        Receipt unsigned =
                new Receipt("d".repeat(64), "i".repeat(64), "o".repeat(64), "w1", "2026-11-28T07:00:00Z", null);
        byte[] message = unsigned.canonicalBytes();
        Receipt signed = Signatures.sign(unsigned, kp.getPrivate());
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < N; i++) {
                Signature s = Signature.getInstance("Ed25519");
                s.initSign(kp.getPrivate());
                s.update(message);
                s.sign();
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < N; i++) {
                Signatures.sign(unsigned, kp.getPrivate());
            }
            long t2 = System.nanoTime();
            for (int i = 0; i < N; i++) {
                Signature s = Signature.getInstance("Ed25519");
                s.initVerify(kp.getPublic());
                s.update(message);
                s.verify(Base64.getDecoder().decode(signed.signature()));
            }
            long t3 = System.nanoTime();
            for (int i = 0; i < N; i++) {
                assertTrue(Signatures.verify(signed, kp.getPublic()));
            }
            long t4 = System.nanoTime();
            System.out.printf(
                    Locale.ROOT,
                    "round %d: sign JDK %.3f ms, ours %.3f ms (%.1fx); verify JDK %.3f ms, " + "ours %.3f ms (%.1fx)%n",
                    round,
                    ms(t1 - t0),
                    ms(t2 - t1),
                    (t1 - t0) / (double) (t2 - t1),
                    ms(t3 - t2),
                    ms(t4 - t3),
                    (t3 - t2) / (double) (t4 - t3));
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6 / N;
    }
}
