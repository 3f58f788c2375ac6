package network.synod.payouts.settlement;

/** What happened to a (topic, epoch): paid now, or found already paid (a redelivery or a concurrent replica). */
public record SettlementResult(String topic, long epoch, boolean alreadySettled, long pot, Long transactionId) {}
