package network.synod.payouts.api;

import network.synod.web.Problem;

/** The optional {@code Idempotency-Key} header: short printable text. */
final class IdempotencyKeys {

    private IdempotencyKeys() {}

    static String check(String key) {
        if (key == null) {
            return null;
        }
        if (key.isBlank() || key.length() > 200 || !key.chars().allMatch(ch -> ch > 32 && ch < 127)) {
            throw Problem.badRequest("Idempotency-Key must be 1-200 printable ASCII characters");
        }
        return key;
    }
}
