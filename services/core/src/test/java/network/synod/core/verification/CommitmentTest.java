package network.synod.core.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CommitmentTest {

    @Test
    void anHonestCommitOpens() {
        Commitment round = new Commitment("co2/7");
        String salt = Commitment.salt();
        assertEquals(
                Commitment.Outcome.ACCEPTED,
                round.commit("alice", Commitment.hash(new double[] {3.5}, salt, "alice", "co2/7")));
        assertEquals(Commitment.Outcome.ACCEPTED, round.reveal("alice", new double[] {3.5}, salt));
        assertEquals(1, round.revealed().size());
    }

    @Test
    void aRevealThatDoesNotOpenItsCommitmentIsRejected() {
        Commitment round = new Commitment("co2/7");
        String salt = Commitment.salt();
        round.commit("alice", Commitment.hash(new double[] {3.5}, salt, "alice", "co2/7"));
        assertEquals(Commitment.Outcome.MISMATCH, round.reveal("alice", new double[] {3.6}, salt));
        assertEquals(Commitment.Outcome.MISMATCH, round.reveal("alice", new double[] {3.5}, Commitment.salt()));
    }

    @Test
    void aCopierWhoCommitsAfterTheFirstRevealIsRejected() {
        Commitment round = new Commitment("co2/7");
        String salt = Commitment.salt();
        round.commit("alice", Commitment.hash(new double[] {3.5}, salt, "alice", "co2/7"));
        round.reveal("alice", new double[] {3.5}, salt);
        String copySalt = Commitment.salt();
        assertEquals(
                Commitment.Outcome.LATE_COMMITMENT,
                round.commit("copier", Commitment.hash(new double[] {3.5}, copySalt, "copier", "co2/7")));
        assertEquals(Commitment.Outcome.NO_COMMITMENT, round.reveal("copier", new double[] {3.5}, copySalt));
    }

    @Test
    void aCopiedCommitmentDoesNotOpenUnderAnotherName() {
        Commitment round = new Commitment("co2/7");
        String salt = Commitment.salt();
        String aliceHash = Commitment.hash(new double[] {3.5}, salt, "alice", "co2/7");
        round.commit("alice", aliceHash);
        round.commit("copier", aliceHash);
        round.reveal("alice", new double[] {3.5}, salt);
        assertEquals(Commitment.Outcome.MISMATCH, round.reveal("copier", new double[] {3.5}, salt));
        assertEquals(Commitment.Outcome.ALREADY_REVEALED, round.reveal("alice", new double[] {3.5}, salt));
    }
}
