package network.synod.core.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/** Receipts signed by our Ed25519 path are the JDK's Ed25519 signatures, byte for byte, and check the same way. */
class SignaturesTest {

    private static final Receipt UNSIGNED =
            new Receipt("d".repeat(64), "i".repeat(64), "o".repeat(64), "w1", "2026-11-28T07:00:00Z", null);

    @Test
    void signaturesAreTheJdksSignaturesByteForByte() throws Exception {
        KeyPair kp = Signatures.generate();
        Receipt signed = Signatures.sign(UNSIGNED, kp.getPrivate());

        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initSign(kp.getPrivate());
        jdk.update(UNSIGNED.canonicalBytes());
        assertEquals(Base64.getEncoder().encodeToString(jdk.sign()), signed.signature());

        jdk.initVerify(kp.getPublic());
        jdk.update(UNSIGNED.canonicalBytes());
        assertTrue(jdk.verify(Base64.getDecoder().decode(signed.signature())), "the JDK accepts our signature");
        assertTrue(Signatures.verify(signed, kp.getPublic()));
    }

    @Test
    void aJdkSignatureChecks() throws Exception {
        KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initSign(kp.getPrivate());
        jdk.update(UNSIGNED.canonicalBytes());
        Receipt signed = UNSIGNED.withSignature(Base64.getEncoder().encodeToString(jdk.sign()));
        assertTrue(Signatures.verify(signed, kp.getPublic()));
        // A key read back from its encodings (as workers publish them) checks the same receipt.
        assertTrue(Signatures.verify(signed, Signatures.publicKey(Signatures.encode(kp.getPublic()))));
    }

    @Test
    void tamperedReceiptsWrongKeysAndMalformedSignaturesFail() {
        KeyPair kp = Signatures.generate();
        KeyPair other = Signatures.generate();
        Receipt signed = Signatures.sign(UNSIGNED, kp.getPrivate());

        Receipt tampered = new Receipt(
                signed.modelDigest(),
                signed.inputHash(),
                "x".repeat(64),
                signed.worker(),
                signed.time(),
                signed.signature());
        assertFalse(Signatures.verify(tampered, kp.getPublic()), "output hash changed");
        assertFalse(Signatures.verify(signed, other.getPublic()), "another worker's key");
        assertFalse(Signatures.verify(UNSIGNED, kp.getPublic()), "no signature");
        assertFalse(Signatures.verify(UNSIGNED.withSignature("not base64!"), kp.getPublic()));
        assertFalse(Signatures.verify(UNSIGNED.withSignature("AAAA"), kp.getPublic()), "too short");
        byte[] flipped = Base64.getDecoder().decode(signed.signature());
        flipped[10] ^= 1;
        assertFalse(
                Signatures.verify(UNSIGNED.withSignature(Base64.getEncoder().encodeToString(flipped)), kp.getPublic()));
    }

    @Test
    void signingWithTwoKeysInTurnUsesEach() {
        KeyPair a = Signatures.generate();
        KeyPair b = Signatures.generate();
        for (int i = 0; i < 3; i++) {
            assertTrue(Signatures.verify(Signatures.sign(UNSIGNED, a.getPrivate()), a.getPublic()));
            assertTrue(Signatures.verify(Signatures.sign(UNSIGNED, b.getPrivate()), b.getPublic()));
        }
    }

    @Test
    void aNonEd25519KeyCannotSign() throws Exception {
        KeyPair rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        assertThrows(IllegalStateException.class, () -> Signatures.sign(UNSIGNED, rsa.getPrivate()));
        assertFalse(Signatures.verify(UNSIGNED.withSignature("AAAA"), rsa.getPublic()));
    }
}
