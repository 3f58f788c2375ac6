package network.synod.models.saved;

import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A running sha256 that bytes can be written into, read out as lowercase hex. */
public final class Sha256 {

    private final MessageDigest digest;

    public Sha256() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A stream whose bytes go into this digest and nowhere else; closing it does not finish the digest. */
    public DigestOutputStream stream() {
        return new DigestOutputStream(OutputStream.nullOutputStream(), digest);
    }

    public Sha256 update(byte[] bytes) {
        digest.update(bytes);
        return this;
    }

    /** The digest of everything written so far, as 64 lowercase hex digits. */
    public String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
