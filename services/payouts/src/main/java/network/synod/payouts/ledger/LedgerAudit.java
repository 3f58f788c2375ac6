package network.synod.payouts.ledger;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * The conservation check, in one SQL statement run in one snapshot. It compares the ledger with the independent
 * records of what was minted (settlements, epoch dust, genesis grants) and burned (slashes):
 * <ul>
 * <li>every transaction's entries sum to zero;</li>
 * <li>every cached balance equals the sum of its account's entries;</li>
 * <li>what participants hold equals everything minted minus everything burned.</li>
 * </ul>
 */
@ApplicationScoped
public class LedgerAudit {

    static final String CHECK = """
            SELECT
              (SELECT coalesce(sum(e.amount), 0) FROM entries e JOIN accounts a ON a.id = e.account_id
                 WHERE a.kind NOT IN ('issuance', 'burn'))                                        AS held,
              (SELECT coalesce(sum(balance), 0) FROM accounts WHERE kind NOT IN ('issuance', 'burn')) AS held_cached,
              (SELECT coalesce(-sum(amount), 0) FROM entries WHERE account_id = 'system/issuance')   AS issued,
              (SELECT coalesce(sum(amount), 0) FROM entries WHERE account_id = 'system/burn')        AS burned,
              (SELECT coalesce(sum(pot), 0) FROM settlements)
                + (SELECT coalesce(sum(treasury_dust), 0) FROM epoch_emissions)                    AS emitted,
              (SELECT coalesce(sum(e.amount), 0) FROM entries e JOIN transactions t ON t.id = e.tx_id
                 WHERE t.kind = 'grant' AND e.amount > 0)                                          AS granted,
              (SELECT coalesce(sum(burned), 0) FROM slashes)                                        AS burned_recorded,
              (SELECT count(*) FROM (SELECT tx_id FROM entries GROUP BY tx_id HAVING sum(amount) <> 0) x)
                                                                                                   AS unbalanced,
              (SELECT count(*) FROM accounts a
                 LEFT JOIN (SELECT account_id, sum(amount) AS s FROM entries GROUP BY account_id) e
                   ON e.account_id = a.id
                 WHERE a.balance <> coalesce(e.s, 0))                                              AS mismatched
            """;

    public record Report(
            long held,
            long heldCached,
            long issued,
            long burned,
            long emitted,
            long granted,
            long burnedRecorded,
            long unbalancedTransactions,
            long mismatchedBalances,
            boolean conserved) {}

    private final Pool pool;

    public LedgerAudit(Pool pool) {
        this.pool = pool;
    }

    public Uni<Report> check() {
        // REPEATABLE READ: all sub-selects see one snapshot even while settlements commit.
        return pool.withTransaction(c -> c.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
                        .execute()
                        .chain(() -> c.query(CHECK).execute()))
                .map(rows -> toReport(rows.iterator().next()));
    }

    private static Report toReport(Row r) {
        long held = r.getLong("held");
        long heldCached = r.getLong("held_cached");
        long issued = r.getLong("issued");
        long burned = r.getLong("burned");
        long emitted = r.getLong("emitted");
        long granted = r.getLong("granted");
        long burnedRecorded = r.getLong("burned_recorded");
        long unbalanced = r.getLong("unbalanced");
        long mismatched = r.getLong("mismatched");
        boolean conserved = unbalanced == 0
                && mismatched == 0
                && held == heldCached
                && issued == emitted + granted
                && burned == burnedRecorded
                && held == emitted + granted - burnedRecorded;
        return new Report(
                held, heldCached, issued, burned, emitted, granted, burnedRecorded, unbalanced, mismatched, conserved);
    }
}
