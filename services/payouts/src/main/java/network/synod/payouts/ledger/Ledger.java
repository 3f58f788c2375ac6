package network.synod.payouts.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Appends balanced transactions. Each call runs inside the caller's database transaction, so a transaction's
 * entries, its cached balances and whatever inbox row the caller writes commit together or not at all.
 *
 * <p>Work is set-based: one statement creates missing accounts, one writes all entries and one applies all
 * balance changes, from arrays, whether the transaction has two entries or a hundred thousand.
 */
@ApplicationScoped
public class Ledger {

    /** Above this many accounts, skip the explicit ordered lock (see {@link #post}); settlements hold a global lock. */
    private static final int ORDERED_LOCK_LIMIT = 64;

    /**
     * Posts a transaction and returns its id; a duplicate {@code idempotencyKey} fails with SQLSTATE 23505 and an
     * overdraft with 23514, both of which roll the caller's transaction back. Returns null for an empty one.
     */
    public Uni<Long> post(SqlConnection c, String kind, String idempotencyKey, String memo,
            List<Movement> movements) {
        // Aggregate per account: an UPDATE ... FROM with a repeated id would apply only one of the changes.
        Map<String, Long> net = new TreeMap<>();
        Map<String, Account> accounts = new TreeMap<>();
        long sum = 0;
        for (Movement m : movements) {
            sum = Math.addExact(sum, m.amount());
            net.merge(m.account().id(), m.amount(), Math::addExact);
            accounts.put(m.account().id(), m.account());
        }
        if (sum != 0) {
            throw new IllegalArgumentException("unbalanced transaction " + kind + ": entries sum to " + sum);
        }
        net.values().removeIf(v -> v == 0);
        if (net.isEmpty() && idempotencyKey == null) {
            return Uni.createFrom().nullItem();
        }
        String[] ids = net.keySet().toArray(new String[0]);
        Long[] amounts = net.values().toArray(new Long[0]);
        return ensureAccounts(c, accounts.values())
                .chain(() -> c.preparedQuery(
                        "INSERT INTO transactions (kind, idempotency_key, memo) VALUES ($1, $2, $3) RETURNING id")
                        .execute(Tuple.of(kind, idempotencyKey, memo)))
                .map(rows -> rows.iterator().next().getLong(0))
                .call(txId -> ids.length <= ORDERED_LOCK_LIMIT
                        // Lock rows in id order so that two small transactions can never deadlock each other.
                        ? c.preparedQuery("SELECT id FROM accounts WHERE id = ANY($1) ORDER BY id FOR UPDATE")
                                .execute(Tuple.of(ids))
                        : Uni.createFrom().voidItem())
                .call(txId -> c.preparedQuery("INSERT INTO entries (tx_id, account_id, amount) "
                        + "SELECT $1, u.id, u.amount FROM unnest($2::text[], $3::bigint[]) AS u(id, amount)")
                        .execute(Tuple.of(txId, ids, amounts)))
                .call(txId -> c.preparedQuery("UPDATE accounts a SET balance = a.balance + u.amount "
                        + "FROM unnest($1::text[], $2::bigint[]) AS u(id, amount) WHERE a.id = u.id")
                        .execute(Tuple.of(ids, amounts)));
    }

    /** Creates the accounts that do not exist yet, with a zero balance. */
    public Uni<Void> ensureAccounts(SqlConnection c, Iterable<Account> accounts) {
        List<String> ids = new ArrayList<>();
        List<String> owners = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        for (Account a : accounts) {
            ids.add(a.id());
            owners.add(a.owner());
            kinds.add(a.kind());
            topics.add(a.topic());
            targets.add(a.target());
        }
        return c.preparedQuery("INSERT INTO accounts (id, owner, kind, topic, target) "
                + "SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) "
                + "ON CONFLICT (id) DO NOTHING")
                .execute(Tuple.of(ids.toArray(new String[0]), owners.toArray(new String[0]),
                        kinds.toArray(new String[0]), topics.toArray(new String[0]), targets.toArray(new String[0])))
                .replaceWithVoid();
    }

    /** The cached balance of an account, locked for the rest of the transaction; null if it does not exist. */
    public Uni<Long> lockBalance(SqlConnection c, String accountId) {
        return c.preparedQuery("SELECT balance FROM accounts WHERE id = $1 FOR UPDATE").execute(Tuple.of(accountId))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getLong(0));
    }
}
