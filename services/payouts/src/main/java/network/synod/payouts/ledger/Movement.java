package network.synod.payouts.ledger;

/** One side of a transaction: a signed amount in the smallest unit (credit positive, debit negative). */
public record Movement(Account account, long amount) {

    public static Movement credit(Account account, long amount) {
        return new Movement(account, amount);
    }

    public static Movement debit(Account account, long amount) {
        return new Movement(account, -amount);
    }
}
