package network.synod.payouts.ledger;

import java.util.regex.Pattern;

/**
 * A ledger account: who owns it, what it holds and, for stake, on which topic (and for a delegation, to whom).
 * The id is derived from those parts, so the same position always lands in the same account.
 */
public record Account(String id, String owner, String kind, String topic, String target) {

    /** Participant ids and topic names: no '/', so that derived account ids can never collide. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

    public static final String LIQUID = "liquid";
    public static final String REWARDS = "rewards";
    public static final String STAKE = "stake";
    public static final String DELEGATION = "delegation";
    public static final String UNBONDING = "unbonding";
    public static final String ISSUANCE = "issuance";
    public static final String BURN = "burn";

    /** Where minted tokens come from; its balance is minus everything ever issued. */
    public static final Account ISSUANCE_ACCOUNT = new Account("system/issuance", "system", ISSUANCE, "", "");
    /** Where burned tokens go; they never leave. */
    public static final Account BURN_ACCOUNT = new Account("system/burn", "system", BURN, "", "");

    public static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches() && !name.equals("system");
    }

    public static Account liquid(String owner) {
        return new Account(owner + "/" + LIQUID, owner, LIQUID, "", "");
    }

    /** Rewards earned and not yet claimed: the "pending rewards" a slash can reach. */
    public static Account rewards(String owner) {
        return new Account(owner + "/" + REWARDS, owner, REWARDS, "", "");
    }

    public static Account stake(String owner, String topic) {
        return new Account(owner + "/" + STAKE + "/" + topic, owner, STAKE, topic, "");
    }

    public static Account delegation(String owner, String topic, String target) {
        return new Account(owner + "/" + DELEGATION + "/" + topic + "/" + target, owner, DELEGATION, topic, target);
    }

    public static Account unbonding(String owner) {
        return new Account(owner + "/" + UNBONDING, owner, UNBONDING, "", "");
    }
}
