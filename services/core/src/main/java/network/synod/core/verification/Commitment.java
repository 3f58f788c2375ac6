package network.synod.core.verification;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Commit-reveal against copying (bittensor-gensyn.md §C1.6). Each answerer first commits
 * H(answer ‖ salt ‖ answerer ‖ round) and reveals the answer and salt only once every commitment is in. Binding the
 * answerer and the round inside the hash means a copied commitment cannot be resubmitted under another name or for
 * another round. One {@code Commitment} is one round: commitments are accepted until the first reveal; after that,
 * new commitments are refused (they could be copies of revealed answers), and a reveal is accepted only for a
 * commitment made before the first reveal and only if it opens it.
 */
public final class Commitment {

    /** How a commit or reveal went; {@code ACCEPTED} or the reason it was refused. */
    public enum Outcome {
        ACCEPTED,
        LATE_COMMITMENT,
        DUPLICATE_COMMITMENT,
        NO_COMMITMENT,
        MISMATCH,
        ALREADY_REVEALED
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String round;
    private final Map<String, String> commitments = new LinkedHashMap<>();
    private final Map<String, double[]> revealed = new LinkedHashMap<>();

    public Commitment(String round) {
        this.round = round;
    }

    /** A fresh 16-byte salt, hex. */
    public static String salt() {
        byte[] s = new byte[16];
        RANDOM.nextBytes(s);
        return HexFormat.of().formatHex(s);
    }

    /** H(values ‖ salt ‖ answerer ‖ round), hex. */
    public static String hash(double[] values, String salt, String answerer, String round) {
        byte[] tail = ("\n" + salt + "\n" + answerer + "\n" + round).getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(4 + 8 * values.length + tail.length).putInt(values.length);
        for (double v : values) {
            b.putDouble(v);
        }
        return Hashes.sha256Hex(b.put(tail).array());
    }

    public synchronized Outcome commit(String answerer, String hash) {
        if (!revealed.isEmpty()) {
            return Outcome.LATE_COMMITMENT;
        }
        if (commitments.putIfAbsent(answerer, hash) != null) {
            return Outcome.DUPLICATE_COMMITMENT;
        }
        return Outcome.ACCEPTED;
    }

    public synchronized Outcome reveal(String answerer, double[] values, String salt) {
        return reveal(answerer, answerer, values, salt);
    }

    /**
     * A reveal by {@code answerer} whose commitment binds the identity {@code hashedAs}: the worker's own id, when
     * the gateway knows it under another registered name (a worker without a key has no identity to enforce).
     */
    public synchronized Outcome reveal(String answerer, String hashedAs, double[] values, String salt) {
        String committed = commitments.get(answerer);
        if (committed == null) {
            return Outcome.NO_COMMITMENT;
        }
        if (revealed.containsKey(answerer)) {
            return Outcome.ALREADY_REVEALED;
        }
        if (!committed.equals(hash(values, salt, hashedAs, round))) {
            return Outcome.MISMATCH;
        }
        revealed.put(answerer, values.clone());
        return Outcome.ACCEPTED;
    }

    /** The answers revealed and accepted so far, in reveal order. */
    public synchronized Map<String, double[]> revealed() {
        return new LinkedHashMap<>(revealed);
    }
}
