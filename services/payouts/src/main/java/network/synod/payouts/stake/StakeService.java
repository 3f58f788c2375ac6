package network.synod.payouts.stake;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import network.synod.core.refusal.Refusal;
import network.synod.payouts.config.PayoutsConfig;
import network.synod.payouts.ledger.Account;
import network.synod.payouts.ledger.Ledger;
import network.synod.payouts.ledger.Movement;

/**
 * Participants' own money movements: genesis grants, stake deposits, delegation, unbonding with a delay,
 * withdrawal of matured unbonded stake and claiming of rewards. Every operation is one database transaction
 * that first locks the account it takes from; the {@code no_overdraft} constraint backs that check up.
 */
@ApplicationScoped
public class StakeService {

    private final Pool pool;
    private final Ledger ledger;
    private final PayoutsConfig config;

    public StakeService(Pool pool, Ledger ledger, PayoutsConfig config) {
        this.pool = pool;
        this.ledger = ledger;
        this.config = config;
    }

    /** Opens a participant's liquid account; registering twice is harmless. */
    public Uni<Void> register(String participant) {
        requireName(participant, "participant");
        return pool.withTransaction(c -> ledger.ensureAccounts(c, List.of(Account.liquid(participant))));
    }

    /** Genesis allocation: mints {@code amount} into the participant's liquid account. */
    public Uni<Long> grant(String participant, long amount, String key) {
        requireName(participant, "participant");
        requirePositive(amount);
        return write(
                key,
                "admin",
                c -> ledger.post(
                        c,
                        "grant",
                        scoped("admin", key),
                        "grant to " + participant,
                        List.of(
                                Movement.debit(Account.ISSUANCE_ACCOUNT, amount),
                                Movement.credit(Account.liquid(participant), amount))));
    }

    public Uni<Long> deposit(String participant, String topic, long amount, String key) {
        requireName(topic, "topic");
        requirePositive(amount);
        Account from = Account.liquid(participant);
        return write(
                key,
                participant,
                c -> requireKnown(c, participant)
                        .chain(() -> requireFunds(c, from, amount))
                        .chain(() -> ledger.post(
                                c,
                                "deposit",
                                scoped(participant, key),
                                "stake on " + topic,
                                List.of(
                                        Movement.debit(from, amount),
                                        Movement.credit(Account.stake(participant, topic), amount)))));
    }

    public Uni<Long> delegate(String participant, String topic, String target, long amount, String key) {
        requireName(topic, "topic");
        requireName(target, "target");
        requirePositive(amount);
        if (participant.equals(target)) {
            throw Refusal.invalid("delegate to someone else; deposit to stake on your own behalf");
        }
        Account from = Account.liquid(participant);
        return write(
                key,
                participant,
                c -> requireKnown(c, participant)
                        .chain(() -> requireKnown(c, target))
                        .chain(() -> requireFunds(c, from, amount))
                        .chain(() -> ledger.post(
                                c,
                                "delegate",
                                scoped(participant, key),
                                "delegate to " + target,
                                List.of(
                                        Movement.debit(from, amount),
                                        Movement.credit(Account.delegation(participant, topic, target), amount)))));
    }

    /** Moves stake (or a delegation, when {@code target} is given) into unbonding, withdrawable after the delay. */
    public Uni<Long> unbond(String participant, String topic, String target, long amount, String key) {
        requireName(topic, "topic");
        if (target != null) {
            requireName(target, "target");
        }
        requirePositive(amount);
        Account from =
                target == null ? Account.stake(participant, topic) : Account.delegation(participant, topic, target);
        long delayMillis = config.unbondingDelay().toMillis();
        return write(
                key,
                participant,
                c -> requireKnown(c, participant)
                        .chain(() -> requireFunds(c, from, amount))
                        .chain(() -> ledger.post(
                                c,
                                "unbond",
                                scoped(participant, key),
                                "unbond from " + from.id(),
                                List.of(
                                        Movement.debit(from, amount),
                                        Movement.credit(Account.unbonding(participant), amount))))
                        .call(txId -> c.preparedQuery("INSERT INTO unbonding_requests "
                                        + "(owner, topic, target, amount, remaining, matures_at, tx_id) "
                                        + "VALUES ($1, $2, $3, $4, $4, now() + make_interval(secs => $5 / 1000.0), $6)")
                                .execute(Tuple.of(
                                        participant, topic, target == null ? "" : target, amount, delayMillis, txId))));
    }

    /** Pays matured unbonding requests (oldest first) back to the liquid account. */
    public Uni<Long> withdraw(String participant, long amount, String key) {
        requirePositive(amount);
        Account from = Account.unbonding(participant);
        return write(
                key,
                participant,
                c -> requireKnown(c, participant)
                        .chain(() -> ledger.lockBalance(c, from.id()))
                        .chain(() -> c.preparedQuery(
                                        "SELECT id, remaining FROM unbonding_requests "
                                                + "WHERE owner = $1 AND remaining > 0 AND matures_at <= now() ORDER BY id FOR UPDATE")
                                .execute(Tuple.of(participant)))
                        .chain(rows -> {
                            List<Long> ids = new ArrayList<>();
                            List<Long> left = new ArrayList<>();
                            long needed = amount;
                            for (Row r : rows) {
                                if (needed == 0) {
                                    break;
                                }
                                long take = Math.min(needed, r.getLong("remaining"));
                                ids.add(r.getLong("id"));
                                left.add(r.getLong("remaining") - take);
                                needed -= take;
                            }
                            if (needed > 0) {
                                throw Refusal.insufficientFunds(
                                        "only " + (amount - needed) + " of unbonded stake has matured");
                            }
                            return c.preparedQuery(
                                            "UPDATE unbonding_requests u SET remaining = v.remaining "
                                                    + "FROM unnest($1::bigint[], $2::bigint[]) AS v(id, remaining) WHERE u.id = v.id")
                                    .execute(Tuple.of(ids.toArray(new Long[0]), left.toArray(new Long[0])));
                        })
                        .chain(() -> ledger.post(
                                c,
                                "withdraw",
                                scoped(participant, key),
                                "withdraw unbonded stake",
                                List.of(
                                        Movement.debit(from, amount),
                                        Movement.credit(Account.liquid(participant), amount)))));
    }

    /** Moves pending rewards to the liquid account (out of reach of slashing). */
    public Uni<Long> claim(String participant, long amount, String key) {
        requirePositive(amount);
        Account from = Account.rewards(participant);
        return write(
                key,
                participant,
                c -> requireKnown(c, participant)
                        .chain(() -> requireFunds(c, from, amount))
                        .chain(() -> ledger.post(
                                c,
                                "claim",
                                scoped(participant, key),
                                "claim rewards",
                                List.of(
                                        Movement.debit(from, amount),
                                        Movement.credit(Account.liquid(participant), amount)))));
    }

    /** One transaction; a replayed idempotency key is refused before anything is attempted. */
    private Uni<Long> write(String key, String scope, Function<SqlConnection, Uni<Long>> work) {
        return pool.withTransaction(c -> {
            if (key == null) {
                return work.apply(c);
            }
            return c.preparedQuery("SELECT id FROM transactions WHERE idempotency_key = $1")
                    .execute(Tuple.of(scoped(scope, key)))
                    .chain(rows -> {
                        if (rows.size() > 0) {
                            throw Refusal.conflict("Idempotency-Key " + key + " was already applied as transaction "
                                    + rows.iterator().next().getLong(0));
                        }
                        return work.apply(c);
                    });
        });
    }

    /** Keys are per caller, so two participants cannot collide on the same key. */
    static String scoped(String scope, String key) {
        return key == null ? null : "api:" + scope + ":" + key;
    }

    private Uni<Void> requireKnown(SqlConnection c, String participant) {
        return c.preparedQuery("SELECT 1 FROM accounts WHERE owner = $1 LIMIT 1")
                .execute(Tuple.of(participant))
                .invoke(rows -> {
                    if (rows.size() == 0) {
                        throw Refusal.notFound("unknown participant " + participant);
                    }
                })
                .replaceWithVoid();
    }

    private Uni<Void> requireFunds(SqlConnection c, Account from, long amount) {
        return ledger.lockBalance(c, from.id())
                .invoke(balance -> {
                    long available = balance == null ? 0 : balance;
                    if (available < amount) {
                        throw Refusal.insufficientFunds(from.id() + " holds " + available + ", less than " + amount);
                    }
                })
                .replaceWithVoid();
    }

    static void requirePositive(long amount) {
        if (amount <= 0) {
            throw Refusal.invalid("amount must be a positive integer, got " + amount);
        }
    }

    static void requireName(String name, String what) {
        if (!Account.validName(name)) {
            throw Refusal.invalid(what + " must match " + Account.NAME.pattern() + ", got " + name);
        }
    }
}
