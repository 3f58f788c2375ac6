package network.synod.verification.store;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The outcome of auditing one worker's answer: {@code pass}, {@code fail} (fraud: the evidence shows why) or
 * {@code unverifiable} (no verifier for the digest, or the verifier failed; nobody is punished).
 */
public record Verdict(
        long id,
        String topic,
        long epoch,
        String requestId,
        String worker,
        String modelDigest,
        String outcome,
        String reason,
        JsonNode evidence,
        String createdAt) {}
