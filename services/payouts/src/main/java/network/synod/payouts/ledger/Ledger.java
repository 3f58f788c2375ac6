package network.synod.payouts.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Appends balanced transactions. Each call runs inside the caller's database transaction, so a transaction's
 * entries, its cached balances and whatever inbox row the caller writes commit together or not at all.
 *
 * <p>Work is set-based and costs a fixed number of statements whether the transaction has two entries or a
 * hundred thousand (a settlement): the arrays are bound once per statement and expanded by {@code unnest} in the
 * database, never one round trip per account. The statements, in order:
 * <ol>
 * <li>create the accounts that are debited (or net to zero) if they are missing, with a zero balance, so that a
 * debit of an unknown account is refused by the {@code no_overdraft} CHECK like any other overdraft;</li>
 * <li>insert the transaction row;</li>
 * <li>for a small transaction, lock its existing accounts in id order (two small transactions never deadlock);</li>
 * <li>credit: one upsert that creates each missing credited account with its amount as balance, or adds the
 * amount to the existing balance: a new account costs one row write instead of an insert and an update;</li>
 * <li>debit: one UPDATE (the CHECK refuses an overdraft with SQLSTATE 23514);</li>
 * <li>one INSERT of all entries, whose references the database checks once for the whole statement
 * ({@code entries_references} in db/migration).</li>
 * </ol>
 * Credits and debits are separate statements because PostgreSQL checks CHECK constraints on the row an
 * {@code INSERT ... ON CONFLICT} proposes before it detects the conflict: a negative balance proposed for an existing
 * account would be refused even though the update would not overdraw it.
 */
@ApplicationScoped
public class Ledger {

    /** Above this many accounts, skip the explicit ordered lock (see {@link #post}); settlements hold a global lock. */
    private static final int ORDERED_LOCK_LIMIT = 64;

    /**
     * Posts a transaction and returns its id; a duplicate {@code idempotencyKey} fails with SQLSTATE 23505 and an
     * overdraft with 23514, both of which roll the caller's transaction back. Returns null for an empty one.
     */
    public Uni<Long> post(SqlConnection c, String kind, String idempotencyKey, String memo, List<Movement> movements) {
        // Aggregate per account: a statement may touch each row only once (an UPDATE ... FROM with a repeated id
        // would apply only one of the changes; ON CONFLICT DO UPDATE refuses a row affected twice). Insertion order
        // is kept because callers usually pass movements nearly sorted, which makes the sort below almost free.
        Map<String, Net> byId = new LinkedHashMap<>(movements.size() * 2);
        long sum = 0;
        for (Movement m : movements) {
            sum = Math.addExact(sum, m.amount());
            Net net = byId.get(m.account().id());
            if (net == null) {
                net = new Net(m.account());
                byId.put(m.account().id(), net);
            }
            net.amount = Math.addExact(net.amount, m.amount());
        }
        if (sum != 0) {
            throw new IllegalArgumentException("unbalanced transaction " + kind + ": entries sum to " + sum);
        }
        // Id order everywhere: deterministic entry order, and rows are created and locked in one global order.
        Net[] sorted = byId.values().toArray(new Net[0]);
        Arrays.sort(sorted, BY_ID);
        String[] allIds = new String[sorted.length];
        Changes credits = new Changes(sorted.length);
        Changes debits = new Changes(4);
        Changes all = new Changes(sorted.length);
        List<Account> mustExist = new ArrayList<>();
        for (int i = 0; i < sorted.length; i++) {
            Net net = sorted[i];
            allIds[i] = net.account.id();
            if (net.amount > 0) {
                credits.add(net);
            } else {
                mustExist.add(net.account);
                if (net.amount < 0) {
                    debits.add(net);
                }
            }
            if (net.amount != 0) {
                all.add(net);
            }
        }
        if (all.size() == 0 && idempotencyKey == null) {
            return Uni.createFrom().nullItem();
        }
        return (mustExist.isEmpty() ? Uni.createFrom().voidItem() : ensureAccounts(c, mustExist))
                .chain(() -> c.preparedQuery(
                                "INSERT INTO transactions (kind, idempotency_key, memo) VALUES ($1, $2, $3) RETURNING id")
                        .execute(Tuple.of(kind, idempotencyKey, memo)))
                .map(rows -> rows.iterator().next().getLong(0))
                .call(txId -> allIds.length <= ORDERED_LOCK_LIMIT
                        // Lock rows in id order so that two small transactions can never deadlock each other.
                        ? c.preparedQuery("SELECT id FROM accounts WHERE id = ANY($1) ORDER BY id FOR UPDATE")
                                .execute(Tuple.of(allIds))
                        : Uni.createFrom().voidItem())
                .call(txId -> credits.size() == 0
                        ? Uni.createFrom().voidItem()
                        : c.preparedQuery(
                                        "INSERT INTO accounts AS a (id, owner, kind, topic, target, balance) "
                                                + "SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], "
                                                + "$6::bigint[]) ON CONFLICT (id) DO UPDATE SET balance = a.balance + EXCLUDED.balance")
                                .execute(Tuple.of(
                                        credits.ids(),
                                        credits.owners(),
                                        credits.kinds(),
                                        credits.topics(),
                                        credits.targets(),
                                        credits.amounts())))
                .call(txId -> debits.size() == 0
                        ? Uni.createFrom().voidItem()
                        : c.preparedQuery("UPDATE accounts a SET balance = a.balance + u.amount "
                                        + "FROM unnest($1::text[], $2::bigint[]) AS u(id, amount) WHERE a.id = u.id")
                                .execute(Tuple.of(debits.ids(), debits.amounts())))
                .call(txId -> all.size() == 0
                        ? Uni.createFrom().voidItem()
                        : c.preparedQuery(
                                        "INSERT INTO entries (tx_id, account_id, amount) "
                                                + "SELECT $1, u.id, u.amount FROM unnest($2::text[], $3::bigint[]) AS u(id, amount)")
                                .execute(Tuple.of(txId, all.ids(), all.amounts())));
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
                .execute(Tuple.of(
                        ids.toArray(new String[0]),
                        owners.toArray(new String[0]),
                        kinds.toArray(new String[0]),
                        topics.toArray(new String[0]),
                        targets.toArray(new String[0])))
                .replaceWithVoid();
    }

    /** The cached balance of an account, locked for the rest of the transaction; null if it does not exist. */
    public Uni<Long> lockBalance(SqlConnection c, String accountId) {
        return c.preparedQuery("SELECT balance FROM accounts WHERE id = $1 FOR UPDATE")
                .execute(Tuple.of(accountId))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getLong(0));
    }

    /** An account and the net amount a transaction moves into (positive) or out of (negative) it. */
    private static final class Net {
        final Account account;
        long amount;

        Net(Account account) {
            this.account = account;
        }
    }

    private static final Comparator<Net> BY_ID = Comparator.comparing(n -> n.account.id());

    /** Column arrays of account changes, as bound to one statement. */
    private static final class Changes {
        private final List<Net> changes;

        Changes(int capacity) {
            changes = new ArrayList<>(capacity);
        }

        void add(Net net) {
            changes.add(net);
        }

        int size() {
            return changes.size();
        }

        String[] ids() {
            return column(Account::id);
        }

        String[] owners() {
            return column(Account::owner);
        }

        String[] kinds() {
            return column(Account::kind);
        }

        String[] topics() {
            return column(Account::topic);
        }

        String[] targets() {
            return column(Account::target);
        }

        Long[] amounts() {
            Long[] out = new Long[changes.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = changes.get(i).amount;
            }
            return out;
        }

        private String[] column(Function<Account, String> field) {
            String[] out = new String[changes.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = field.apply(changes.get(i).account);
            }
            return out;
        }
    }
}
