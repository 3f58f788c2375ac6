package network.synod.payouts.economics;

/** Why a participant is paid in a settlement. */
public enum Role {
    INFERER,
    FORECASTER,
    REPUTER,
    DELEGATOR,
    VALIDATOR,
    TOPIC_OWNER,
    TREASURY
}
