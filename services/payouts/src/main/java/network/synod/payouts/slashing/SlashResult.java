package network.synod.payouts.slashing;

/** What a fraud event cost the offender and where it went; {@code alreadyApplied} for a redelivery. */
public record SlashResult(
        String eventId,
        boolean alreadyApplied,
        long slashed,
        long toProver,
        long burned,
        long toTreasury,
        Long transactionId) {}
