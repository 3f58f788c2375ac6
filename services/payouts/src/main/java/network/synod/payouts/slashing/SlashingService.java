package network.synod.payouts.slashing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import network.synod.core.events.FraudEvent;
import network.synod.core.events.SchemaVersions;
import network.synod.core.refusal.Refusal;
import network.synod.payouts.config.PayoutsConfig;
import network.synod.payouts.economics.Apportionment;
import network.synod.payouts.economics.TopicSettlement;
import network.synod.payouts.ledger.Account;
import network.synod.payouts.ledger.Ledger;
import network.synod.payouts.ledger.Movement;
import network.synod.payouts.settlement.SettlementService;

/**
 * Applies a fraud event once: takes {@code slash.fraction-bps} of the offender's stake on the topic (its own and
 * what others delegated to it, as delegators share their validator's fate) and of its pending rewards, pays
 * {@code slash.prover-bps} of that to the prover's rewards and burns the rest (or gives it to the treasury).
 * Unbonding stake is not reached (see README). Allora itself has no slashing (allora.md §4.4); this is Synod's.
 */
@ApplicationScoped
public class SlashingService {

    private final Pool pool;
    private final Ledger ledger;
    private final PayoutsConfig config;

    public SlashingService(Pool pool, Ledger ledger, PayoutsConfig config) {
        this.pool = pool;
        this.ledger = ledger;
        this.config = config;
    }

    public Uni<SlashResult> slash(FraudEvent event) {
        if (event == null
                || event.eventId() == null
                || event.eventId().isBlank()
                || event.eventId().length() > 200) {
            throw Refusal.invalid("eventId is required");
        }
        SchemaVersions.requireKnown("fraud event " + event.eventId(), event.schemaVersion(), FraudEvent.SCHEMA_VERSION);
        if (!Account.validName(event.offender())) {
            throw Refusal.invalid("offender must be a valid participant id");
        }
        if (event.topic() != null && !Account.validName(event.topic())) {
            throw Refusal.invalid("topic must match " + Account.NAME.pattern());
        }
        return pool.withTransaction(c -> c.preparedQuery("SELECT pg_advisory_xact_lock($1)")
                .execute(Tuple.of(SettlementService.SETTLEMENT_LOCK))
                .chain(() -> c.preparedQuery("SELECT slashed, to_prover, burned, to_treasury, tx_id FROM slashes "
                                + "WHERE event_id = $1")
                        .execute(Tuple.of(event.eventId())))
                .chain(rows -> {
                    if (rows.size() > 0) {
                        Row r = rows.iterator().next();
                        return Uni.createFrom()
                                .item(new SlashResult(
                                        event.eventId(),
                                        true,
                                        r.getLong("slashed"),
                                        r.getLong("to_prover"),
                                        r.getLong("burned"),
                                        r.getLong("to_treasury"),
                                        r.getLong("tx_id")));
                    }
                    return apply(c, event);
                }));
    }

    private Uni<SlashResult> apply(SqlConnection c, FraudEvent event) {
        String offender = event.offender();
        String topic = event.topic();
        PayoutsConfig.Slash rules = config.slash();
        return c.preparedQuery("""
                SELECT id, owner, kind, topic, target, balance FROM accounts
                WHERE balance > 0 AND (
                      (owner = $1 AND kind = 'rewards')
                   OR (owner = $1 AND kind = 'stake' AND ($2::text IS NULL OR topic = $2))
                   OR (target = $1 AND kind = 'delegation' AND ($2::text IS NULL OR topic = $2)))
                ORDER BY id FOR UPDATE""")
                .execute(Tuple.of(offender, topic))
                .chain(rows -> proverKnown(c, event.prover(), offender).chain(proverOk -> {
                    List<Movement> movements = new ArrayList<>();
                    long slashed = 0;
                    for (Row r : rows) {
                        long cut = Apportionment.fraction(r.getLong("balance"), rules.fractionBps(), 10_000);
                        if (cut > 0) {
                            movements.add(Movement.debit(
                                    new Account(
                                            r.getString("id"),
                                            r.getString("owner"),
                                            r.getString("kind"),
                                            r.getString("topic"),
                                            r.getString("target")),
                                    cut));
                            slashed += cut;
                        }
                    }
                    long toProver = proverOk ? Apportionment.fraction(slashed, rules.proverBps(), 10_000) : 0;
                    long rest = slashed - toProver;
                    boolean burn = !"treasury".equalsIgnoreCase(rules.remainder());
                    if (toProver > 0) {
                        movements.add(Movement.credit(Account.rewards(event.prover()), toProver));
                    }
                    if (rest > 0) {
                        movements.add(Movement.credit(
                                burn ? Account.BURN_ACCOUNT : Account.rewards(TopicSettlement.TREASURY), rest));
                    }
                    long burned = burn ? rest : 0;
                    long toTreasury = burn ? 0 : rest;
                    long total = slashed;
                    return ledger.post(
                                    c,
                                    "slash",
                                    "slash:" + event.eventId(),
                                    "slash " + offender + ": " + event.reason(),
                                    movements)
                            .call(txId -> c.preparedQuery("INSERT INTO slashes (event_id, topic, offender, prover, "
                                            + "reason, slashed, to_prover, burned, to_treasury, tx_id) "
                                            + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)")
                                    .execute(Tuple.tuple(Arrays.asList(
                                            event.eventId(),
                                            topic == null ? "" : topic,
                                            offender,
                                            event.prover(),
                                            event.reason(),
                                            total,
                                            toProver,
                                            burned,
                                            toTreasury,
                                            txId))))
                            .map(txId ->
                                    new SlashResult(event.eventId(), false, total, toProver, burned, toTreasury, txId));
                }));
    }

    /** The prover is paid only if it is a known participant other than the offender. */
    private static Uni<Boolean> proverKnown(SqlConnection c, String prover, String offender) {
        if (!Account.validName(prover) || prover.equals(offender)) {
            return Uni.createFrom().item(false);
        }
        return c.preparedQuery("SELECT 1 FROM accounts WHERE owner = $1 LIMIT 1")
                .execute(Tuple.of(prover))
                .map(rows -> rows.size() > 0);
    }
}
