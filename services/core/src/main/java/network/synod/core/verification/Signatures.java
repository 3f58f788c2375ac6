package network.synod.core.verification;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.math.ec.rfc8032.Ed25519;

/** Ed25519: JDK key pairs and their base64 encodings, and signing and checking receipts. */
public final class Signatures {

    public static final String ALGORITHM = "Ed25519";

    private Signatures() {}

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
        SigningKey k = signingKey(key);
        byte[] message = unsigned.canonicalBytes();
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(k.seed(), 0, k.publicKey(), 0, message, 0, message.length, signature, 0);
        return unsigned.withSignature(Base64.getEncoder().encodeToString(signature));
    }

    /** Whether the receipt's signature is valid under {@code key}; a malformed signature is simply invalid. */
    public static boolean verify(Receipt receipt, PublicKey key) {
        if (receipt.signature() == null) {
            return false;
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(receipt.signature());
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (signature.length != Ed25519.SIGNATURE_SIZE) {
            return false;
        }
        Ed25519.PublicPoint point = publicPoint(key);
        if (point == null) {
            return false;
        }
        byte[] message = receipt.canonicalBytes();
        return Ed25519.verify(signature, 0, point, message, 0, message.length);
    }

    /**
     * Builds the curve tables and loads the classes signing and checking use, so that a service's first request
     * does not pay for them (on a cold, busy machine that took seconds).
     */
    public static void warmUp() {
        Ed25519.precompute();
        KeyPair kp = generate();
        Receipt r = sign(new Receipt("", "", "", "warm-up", "", null), kp.getPrivate());
        if (!verify(r, kp.getPublic())) {
            throw new IllegalStateException("Ed25519 self-check failed");
        }
    }

    /*
     * Keys stay the JDK's (KeyPairGenerator, X.509 and PKCS#8 encodings); the arithmetic is Bouncy Castle's RFC 8032
     * code, which signs about ten times and verifies about six times faster than the JDK 17 provider measured side
     * by side (bench notes in docs/benchmarks.md). Ed25519 is deterministic, so both produce the same signature bytes
     * for the same key and message (SignaturesTest checks it both ways). A worker signs every answer and the
     * gateway checks every answer, so this is on the request path.
     */

    private record SigningKey(PrivateKey key, byte[] seed, byte[] publicKey) {}

    /** A worker signs with one key; keep its raw form rather than deriving the public key on every signature. */
    private static volatile SigningKey lastSigningKey;

    private static SigningKey signingKey(PrivateKey key) {
        SigningKey k = lastSigningKey;
        if (k != null && k.key().equals(key)) {
            return k;
        }
        if (!(key instanceof EdECPrivateKey ed)
                || ed.getBytes().isEmpty()
                || ed.getBytes().get().length != Ed25519.SECRET_KEY_SIZE) {
            throw new IllegalStateException("cannot sign a receipt: not an Ed25519 private key");
        }
        byte[] seed = ed.getBytes().get();
        byte[] pub = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(seed, 0, pub, 0);
        k = new SigningKey(key, seed, pub);
        lastSigningKey = k;
        return k;
    }

    /** Decoded public keys; the gateway checks a handful of workers' keys over and over. */
    private static final Map<PublicKey, Ed25519.PublicPoint> POINTS = new ConcurrentHashMap<>();

    private static final int MAX_CACHED_POINTS = 10_000;

    /** The key's curve point, or null when it is not a valid Ed25519 public key. */
    private static Ed25519.PublicPoint publicPoint(PublicKey key) {
        Ed25519.PublicPoint cached = POINTS.get(key);
        if (cached != null) {
            return cached;
        }
        byte[] x509 = key.getEncoded();
        if (!ALGORITHM.equals(key.getAlgorithm()) && !"EdDSA".equals(key.getAlgorithm())
                || x509 == null
                || x509.length != X509_PREFIX_LENGTH + Ed25519.PUBLIC_KEY_SIZE) {
            return null;
        }
        Ed25519.PublicPoint point = Ed25519.validatePublicKeyPartialExport(x509, X509_PREFIX_LENGTH);
        if (point != null) {
            if (POINTS.size() >= MAX_CACHED_POINTS) {
                POINTS.clear();
            }
            POINTS.put(key, point);
        }
        return point;
    }

    /** SubjectPublicKeyInfo of an Ed25519 key: 12 bytes of algorithm header, then the 32-byte encoded point. */
    private static final int X509_PREFIX_LENGTH = 12;
}
