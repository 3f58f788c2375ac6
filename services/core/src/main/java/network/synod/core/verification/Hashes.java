package network.synod.core.verification;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** SHA-256 and HMAC-SHA256 over the canonical encodings receipts and audits agree on. */
public final class Hashes {

    private static final HexFormat HEX = HexFormat.of();

    private Hashes() {}

    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    public static String sha256Hex(byte[] bytes) {
        return HEX.formatHex(sha256(bytes));
    }

    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] hmacSha256(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("the JDK has no usable HmacSHA256", e);
        }
    }

    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    public static byte[] unhex(String hex) {
        return HEX.parseHex(hex);
    }

    /**
     * The hash of one request's input as the worker saw it: the request id (so a receipt cannot be reused for
     * another request with the same window), the step, the season and each window value's IEEE-754 bits.
     */
    public static String inputHash(String requestId, long step, int season, double[] window) {
        byte[] id = (requestId == null ? "" : requestId).getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(16 + 4 + id.length + 8 + 4 + 4 + 8 * window.length);
        b.put("synod-in/v1\0\0\0\0\0".getBytes(StandardCharsets.US_ASCII))
                .putInt(id.length)
                .put(id)
                .putLong(step)
                .putInt(season)
                .putInt(window.length);
        for (double v : window) {
            b.putDouble(v);
        }
        return sha256Hex(b.array());
    }

    /** The hash of an answer's values, over their IEEE-754 bits: equal hashes mean bit-identical answers. */
    public static String outputHash(double... values) {
        ByteBuffer b = ByteBuffer.allocate(16 + 4 + 8 * values.length);
        b.put("synod-out/v1\0\0\0\0".getBytes(StandardCharsets.US_ASCII)).putInt(values.length);
        for (double v : values) {
            b.putDouble(v);
        }
        return sha256Hex(b.array());
    }
}
