package network.synod.core.verification;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Ed25519 from the JDK: key pairs, their base64 encodings, and signing and checking receipts. */
public final class Signatures {

    public static final String ALGORITHM = "Ed25519";

    private Signatures() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no Ed25519", e);
        }
    }

    /** The public key as base64 of its X.509 (SubjectPublicKeyInfo) encoding, as workers report it. */
    public static String encode(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** A public key from base64 X.509; throws {@link IllegalArgumentException} naming what is wrong. */
    public static PublicKey publicKey(String base64) {
        try {
            return KeyFactory.getInstance(ALGORITHM)
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64.trim())));
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("not a base64 X.509 Ed25519 public key: " + e.getMessage());
        }
    }

    /** A private key from PKCS#8 bytes (DER, or PEM with a {@code PRIVATE KEY} block). */
    public static PrivateKey privateKey(byte[] pkcs8) {
        String text = new String(pkcs8, java.nio.charset.StandardCharsets.US_ASCII);
        byte[] der = pkcs8;
        if (text.contains("-----BEGIN")) {
            der = Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", ""));
        }
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a PKCS#8 Ed25519 private key: " + e.getMessage());
        }
    }

    /** The PEM text of a private key, as a worker's key file holds it. */
    public static String pem(PrivateKey key) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    /** The receipt with its signature filled in. */
    public static Receipt sign(Receipt unsigned, PrivateKey key) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(key);
            s.update(unsigned.canonicalBytes());
            return unsigned.withSignature(Base64.getEncoder().encodeToString(s.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a receipt: " + e.getMessage(), e);
        }
    }

    /** Whether the receipt's signature is valid under {@code key}; a malformed signature is simply invalid. */
    public static boolean verify(Receipt receipt, PublicKey key) {
        if (receipt.signature() == null) {
            return false;
        }
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(receipt.canonicalBytes());
            return s.verify(Base64.getDecoder().decode(receipt.signature()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
