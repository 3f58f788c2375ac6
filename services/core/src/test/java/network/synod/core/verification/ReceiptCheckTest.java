package network.synod.core.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class ReceiptCheckTest {

    private static final KeyPair ALICE = Signatures.generate();
    private static final KeyPair MALLORY = Signatures.generate();
    private static final String DIGEST = Hashes.sha256Hex("synod-reference/last");
    private static final Instant NOW = Instant.parse("2026-11-28T06:00:00Z");
    private static final double[] WINDOW = {1, 2, 3.5};

    private final ReceiptCheck check = new ReceiptCheck(new ReplayGuard(1000), Duration.ofMinutes(5));

    @Test
    void anHonestReceiptHolds() {
        ReceiptCheck.Result r =
                check.check(receipt("alice", ALICE, "r1", 3.5), expected("alice", ALICE, "r1", 3.5), NOW);
        assertTrue(r.ok(), r.detail());
        assertNull(r.failure());
    }

    @Test
    void aTamperedReceiptFailsItsSignature() {
        Receipt honest = receipt("alice", ALICE, "r1", 3.5);
        Receipt tampered = new Receipt(
                honest.modelDigest(),
                honest.inputHash(),
                Hashes.outputHash(4.0),
                honest.worker(),
                honest.time(),
                honest.signature());
        assertEquals(
                ReceiptCheck.Failure.BAD_SIGNATURE,
                check.check(tampered, expected("alice", ALICE, "r1", 4.0), NOW).failure());
    }

    @Test
    void aReceiptSignedWithAnotherKeyFails() {
        assertEquals(
                ReceiptCheck.Failure.BAD_SIGNATURE,
                check.check(receipt("alice", MALLORY, "r1", 3.5), expected("alice", ALICE, "r1", 3.5), NOW)
                        .failure());
    }

    @Test
    void aReplayedReceiptIsRefusedTheSecondTime() {
        Receipt r = receipt("alice", ALICE, "r1", 3.5);
        assertTrue(check.check(r, expected("alice", ALICE, "r1", 3.5), NOW).ok());
        ReceiptCheck.Result again = check.check(r, expected("alice", ALICE, "r1", 3.5), NOW);
        assertEquals(ReceiptCheck.Failure.REPLAYED, again.failure());
        assertEquals("replayed-receipt", again.failure().code);
    }

    @Test
    void aBorrowedReceiptNamesItsOwner() {
        ReceiptCheck.Result r =
                check.check(receipt("alice", ALICE, "r1", 3.5), expected("mallory", MALLORY, "r1", 3.5), NOW);
        assertEquals(ReceiptCheck.Failure.BORROWED, r.failure());
        assertTrue(r.detail().contains("'alice'"), r.detail());
    }

    @Test
    void anUnknownDigestIsRefused() {
        Receipt r = Signatures.sign(
                new Receipt(
                        Hashes.sha256Hex("cheap model"),
                        Hashes.inputHash("r1", 3, 0, WINDOW),
                        Hashes.outputHash(3.5),
                        "alice",
                        NOW.toString(),
                        null),
                ALICE.getPrivate());
        assertEquals(
                ReceiptCheck.Failure.UNKNOWN_DIGEST,
                check.check(r, expected("alice", ALICE, "r1", 3.5), NOW).failure());
    }

    @Test
    void inputOutputAndTimeAreBound() {
        assertEquals(
                ReceiptCheck.Failure.INPUT_MISMATCH,
                check.check(receipt("alice", ALICE, "r1", 3.5), expected("alice", ALICE, "r2", 3.5), NOW)
                        .failure());
        assertEquals(
                ReceiptCheck.Failure.OUTPUT_MISMATCH,
                check.check(receipt("alice", ALICE, "r3", 3.5), expected("alice", ALICE, "r3", 3.6), NOW)
                        .failure());
        assertEquals(
                ReceiptCheck.Failure.STALE,
                check.check(
                                receipt("alice", ALICE, "r4", 3.5),
                                expected("alice", ALICE, "r4", 3.5),
                                NOW.plus(Duration.ofHours(1)))
                        .failure());
        assertEquals(
                ReceiptCheck.Failure.MISSING,
                check.check(null, expected("alice", ALICE, "r5", 3.5), NOW).failure());
    }

    @Test
    void keysRoundTripThroughTheirEncodings() {
        assertEquals(ALICE.getPublic(), Signatures.publicKey(Signatures.encode(ALICE.getPublic())));
        assertEquals(
                ALICE.getPrivate(),
                Signatures.privateKey(Signatures.pem(ALICE.getPrivate()).getBytes()));
        assertFalse(
                Signatures.verify(receipt("alice", ALICE, "r1", 3.5).withSignature("not base64!"), ALICE.getPublic()));
    }

    private static Receipt receipt(String worker, KeyPair key, String requestId, double value) {
        return Signatures.sign(
                new Receipt(
                        DIGEST,
                        Hashes.inputHash(requestId, 3, 0, WINDOW),
                        Hashes.outputHash(value),
                        worker,
                        NOW.toString(),
                        null),
                key.getPrivate());
    }

    private static ReceiptCheck.Expected expected(String worker, KeyPair key, String requestId, double value) {
        return new ReceiptCheck.Expected(
                worker, key.getPublic(), DIGEST, Hashes.inputHash(requestId, 3, 0, WINDOW), new double[] {value});
    }
}
