package network.synod.worker.oip;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import jakarta.enterprise.context.ApplicationScoped;

import network.synod.core.verification.Commitment;
import network.synod.core.verification.Hashes;
import network.synod.worker.receipt.ReceiptSigner;

/**
 * The worker's side of commit-reveal (docs/contracts.md): asked to commit, it answers only
 * H(answer ‖ salt ‖ worker ‖ round) and keeps the answer; asked to reveal, it returns that same answer with its
 * salt. The round is the request id. The salt is an HMAC of the round under a key derived from the worker's signing
 * key, so replicas that share the key derive the same salt, and nobody without the key can guess it before the
 * reveal.
 */
@ApplicationScoped
public class CommitReveal {

    static final String COMMIT = "commit";
    static final String REVEAL = "reveal";

    /** Answers committed and not yet revealed; the oldest go first, a reveal normally follows within seconds. */
    private static final int KEPT = 10_000;

    private final String worker;
    private final byte[] saltKey;
    private final Map<String, double[]> committed = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
            return size() > KEPT;
        }
    };

    public CommitReveal(ReceiptSigner signer) {
        this.worker = signer.worker();
        this.saltKey = signer.derivedKey("synod-commit-salt/v1");
    }

    /** The salt of a round: 16 bytes of HMAC-SHA256(derived key, round), hex. */
    public String salt(String round) {
        return Hashes.hex(Hashes.hmacSha256(saltKey, round.getBytes(StandardCharsets.UTF_8)))
                .substring(0, 32);
    }

    /** Keeps the answer for the reveal and returns the commitment to it. */
    public String commit(String round, double[] answer) {
        synchronized (committed) {
            committed.put(round, answer.clone());
        }
        return Commitment.hash(answer, salt(round), worker, round);
    }

    /**
     * The answer committed in this round, or null when this replica holds none: then it answers afresh, and an
     * answer that differs from the committed one will not open the commitment.
     */
    public double[] committedAnswer(String round) {
        synchronized (committed) {
            return committed.remove(round);
        }
    }
}
