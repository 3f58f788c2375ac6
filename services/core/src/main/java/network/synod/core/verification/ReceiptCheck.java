package network.synod.core.verification;

import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Checks the receipt that came with one worker answer against what the gateway knows: the worker's registered
 * key and model digest, the input it sent and the value it got. The first failing rule is the reason.
 */
public final class ReceiptCheck {

    /** Why a receipt was refused; {@code code} is the metric label and the evidence's {@code reason}. */
    public enum Failure {
        MISSING("missing-receipt"),
        BORROWED("borrowed-receipt"),
        BAD_SIGNATURE("bad-signature"),
        UNKNOWN_DIGEST("unknown-digest"),
        INPUT_MISMATCH("input-mismatch"),
        OUTPUT_MISMATCH("output-mismatch"),
        STALE("stale-receipt"),
        REPLAYED("replayed-receipt");

        public final String code;

        Failure(String code) {
            this.code = code;
        }
    }

    /** The outcome: {@code failure} null when the receipt holds. */
    public record Result(Failure failure, String detail) {
        public boolean ok() {
            return failure == null;
        }

        static Result ok(String detail) {
            return new Result(null, detail);
        }
    }

    /** What the checker expects of one answer. */
    public record Expected(String worker, PublicKey key, String modelDigest, String inputHash, double[] output) {}

    private final ReplayGuard replays;
    private final Duration maxSkew;

    public ReceiptCheck(ReplayGuard replays, Duration maxSkew) {
        this.replays = replays;
        this.maxSkew = maxSkew;
    }

    public Result check(Receipt r, Expected e, Instant now) {
        if (r == null || r.signature() == null) {
            return new Result(Failure.MISSING, "the answer carries no signed receipt");
        }
        if (!e.worker().equals(r.worker())) {
            return new Result(
                    Failure.BORROWED,
                    "the receipt was issued to worker '" + r.worker() + "', not '" + e.worker() + "'");
        }
        if (!Signatures.verify(r, e.key())) {
            return new Result(
                    Failure.BAD_SIGNATURE,
                    "the receipt's signature does not verify under the key " + "registered for '" + e.worker()
                            + "' (tampered, or signed with another key)");
        }
        if (!replays.firstSeen(r.signature())) {
            return new Result(Failure.REPLAYED, "this receipt was presented before");
        }
        if (e.modelDigest() != null && !e.modelDigest().equalsIgnoreCase(r.modelDigest())) {
            return new Result(
                    Failure.UNKNOWN_DIGEST,
                    "the receipt names model digest " + r.modelDigest() + ", but '" + e.worker()
                            + "' is registered for " + e.modelDigest());
        }
        if (!e.inputHash().equals(r.inputHash())) {
            return new Result(
                    Failure.INPUT_MISMATCH,
                    "the receipt's input hash " + r.inputHash() + " is not the hash of the request sent ("
                            + e.inputHash() + ")");
        }
        String out = Hashes.outputHash(e.output());
        if (!out.equals(r.outputHash())) {
            return new Result(
                    Failure.OUTPUT_MISMATCH,
                    "the receipt's output hash " + r.outputHash() + " is not the hash of the answered value (" + out
                            + ")");
        }
        try {
            Instant t = Instant.parse(r.time());
            if (Duration.between(t, now).abs().compareTo(maxSkew) > 0) {
                return new Result(
                        Failure.STALE, "the receipt's time " + r.time() + " is more than " + maxSkew + " from now");
            }
        } catch (DateTimeParseException | NullPointerException ex) {
            return new Result(Failure.STALE, "the receipt's time '" + r.time() + "' is not an ISO-8601 instant");
        }
        return Result.ok("receipt verified");
    }
}
