package network.synod.core.verification;

import java.nio.charset.StandardCharsets;

/**
 * What a worker signs for every answer (bittensor-gensyn.md §C1.1): the model it ran, the input it was given,
 * the output it gave, who it is and when. {@code signature} is the base64 Ed25519 signature of
 * {@link #canonicalBytes()} under the worker's registered key.
 *
 * @param modelDigest sha256 (hex) of the declared model: its artifact, or for weightless kinds its definition
 * @param inputHash {@link Hashes#inputHash} of the request
 * @param outputHash {@link Hashes#outputHash} of the answered values
 * @param worker the worker's id (its registered name)
 * @param time when it answered, ISO-8601 instant
 */
public record Receipt(
        String modelDigest, String inputHash, String outputHash, String worker, String time, String signature) {

    /** The bytes signed: a versioned header and each field on its own line, so no field can bleed into another. */
    public byte[] canonicalBytes() {
        return String.join(
                        "\n",
                        "synod-receipt/v1",
                        field(modelDigest),
                        field(inputHash),
                        field(outputHash),
                        field(worker),
                        field(time))
                .getBytes(StandardCharsets.UTF_8);
    }

    public Receipt withSignature(String signature) {
        return new Receipt(modelDigest, inputHash, outputHash, worker, time, signature);
    }

    private static String field(String s) {
        if (s == null) {
            return "";
        }
        if (s.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a receipt field may not hold a line break");
        }
        return s;
    }
}
