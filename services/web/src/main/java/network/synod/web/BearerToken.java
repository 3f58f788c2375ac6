package network.synod.web;

/** Reads the credential of an {@code Authorization: Bearer <token>} header. */
public final class BearerToken {

    private BearerToken() {}

    /** The token, or null when the header is missing, of another scheme, or empty. */
    public static String of(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        String t = authorization.substring(7).trim();
        return t.isEmpty() ? null : t;
    }
}
