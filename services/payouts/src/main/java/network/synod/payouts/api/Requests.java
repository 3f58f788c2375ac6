package network.synod.payouts.api;

import network.synod.web.Problem;

/** Request bodies. Fields are boxed so that a missing field is told apart from zero. */
public final class Requests {

    private Requests() {}

    public record Amount(Long amount) {}

    public record Deposit(String topic, Long amount) {}

    public record Delegation(String topic, String target, Long amount) {}

    /** {@code target} set: undelegate from that participant; absent: unbond own stake. */
    public record Unbonding(String topic, String target, Long amount) {}

    public record Grant(String participant, Long amount) {}

    public record Emission(
            Long perEpoch, Long halvingEveryEpochs, Long cap, Integer validatorsBps, Integer topicOwnerBps) {}

    public record Economics(
            Long minStake,
            Long feeRevenue,
            String splitMode,
            Integer inferersBps,
            Integer forecastersBps,
            Integer reputersBps) {}

    static long amount(Long amount) {
        if (amount == null || amount <= 0) {
            throw Problem.badRequest("amount must be a positive integer");
        }
        return amount;
    }

    static <T> T body(T body) {
        if (body == null) {
            throw Problem.badRequest("a JSON body is required");
        }
        return body;
    }
}
