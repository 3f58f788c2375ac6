package network.synod.payouts.ledger;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import network.synod.core.refusal.Refusal;

/** Read models over the ledger: balances, stake positions, statements and settlement reports. */
@ApplicationScoped
public class LedgerQueries {

    private final Pool pool;

    public LedgerQueries(Pool pool) {
        this.pool = pool;
    }

    public record AccountBalance(String account, String kind, String topic, String target, long balance) {}

    public record Balances(
            String participant,
            long liquid,
            long rewards,
            long staked,
            long delegated,
            long unbonding,
            long total,
            List<AccountBalance> accounts) {}

    public Uni<Balances> balances(String participant) {
        return pool.preparedQuery("SELECT id, kind, topic, target, balance FROM accounts WHERE owner = $1 ORDER BY id")
                .execute(Tuple.of(participant))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw Refusal.notFound("unknown participant " + participant);
                    }
                    long[] byKind = new long[5];
                    List<AccountBalance> accounts = new ArrayList<>();
                    for (Row r : rows) {
                        long b = r.getLong("balance");
                        String kind = r.getString("kind");
                        accounts.add(new AccountBalance(
                                r.getString("id"), kind, r.getString("topic"), r.getString("target"), b));
                        int i = List.of(
                                        Account.LIQUID,
                                        Account.REWARDS,
                                        Account.STAKE,
                                        Account.DELEGATION,
                                        Account.UNBONDING)
                                .indexOf(kind);
                        if (i >= 0) {
                            byKind[i] += b;
                        }
                    }
                    long total = byKind[0] + byKind[1] + byKind[2] + byKind[3] + byKind[4];
                    return new Balances(
                            participant, byKind[0], byKind[1], byKind[2], byKind[3], byKind[4], total, accounts);
                });
    }

    public record StakeOnTopic(String topic, long amount) {}

    public record DelegationPosition(String topic, String delegator, String target, long amount) {}

    public record UnbondingRequest(
            long id, String topic, String target, long amount, long remaining, OffsetDateTime maturesAt) {}

    public record Positions(
            String participant,
            List<StakeOnTopic> stake,
            List<DelegationPosition> delegatedOut,
            List<DelegationPosition> delegatedIn,
            List<UnbondingRequest> unbonding) {}

    public Uni<Positions> positions(String participant) {
        Positions p =
                new Positions(participant, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        return pool.withConnection(c -> c.preparedQuery("SELECT count(*) FROM accounts WHERE owner = $1")
                .execute(Tuple.of(participant))
                .invoke(rows -> {
                    if (rows.iterator().next().getLong(0) == 0) {
                        throw Refusal.notFound("unknown participant " + participant);
                    }
                })
                .chain(() -> c.preparedQuery("SELECT owner, kind, topic, target, balance FROM accounts "
                                + "WHERE ((owner = $1 AND kind IN ('stake', 'delegation')) OR (target = $1 AND kind = 'delegation')) "
                                + "AND balance > 0 ORDER BY id")
                        .execute(Tuple.of(participant)))
                .invoke(rows -> {
                    for (Row r : rows) {
                        long amount = r.getLong("balance");
                        if (Account.STAKE.equals(r.getString("kind"))) {
                            p.stake().add(new StakeOnTopic(r.getString("topic"), amount));
                        } else {
                            DelegationPosition d = new DelegationPosition(
                                    r.getString("topic"), r.getString("owner"), r.getString("target"), amount);
                            (participant.equals(d.delegator()) ? p.delegatedOut() : p.delegatedIn()).add(d);
                        }
                    }
                })
                .chain(() -> c.preparedQuery("SELECT id, topic, target, amount, remaining, matures_at "
                                + "FROM unbonding_requests WHERE owner = $1 AND remaining > 0 ORDER BY id")
                        .execute(Tuple.of(participant)))
                .map(rows -> {
                    for (Row r : rows) {
                        p.unbonding()
                                .add(new UnbondingRequest(
                                        r.getLong("id"),
                                        r.getString("topic"),
                                        r.getString("target"),
                                        r.getLong("amount"),
                                        r.getLong("remaining"),
                                        r.getOffsetDateTime("matures_at")));
                    }
                    return p;
                }));
    }

    public record StatementLine(
            long entry, long transaction, String kind, String memo, OffsetDateTime at, String account, long amount) {}

    public record Page<T>(int page, int size, long total, List<T> items) {}

    /** Newest first. */
    public Uni<Page<StatementLine>> statement(String participant, int page, int size) {
        return pool.withConnection(c -> c.preparedQuery("SELECT count(*) FROM entries e JOIN accounts a "
                                + "ON a.id = e.account_id WHERE a.owner = $1")
                        .execute(Tuple.of(participant))
                        .chain(count -> {
                            long total = count.iterator().next().getLong(0);
                            return c.preparedQuery("""
                            SELECT e.id, e.tx_id, t.kind, t.memo, t.created_at, e.account_id, e.amount
                            FROM entries e JOIN accounts a ON a.id = e.account_id JOIN transactions t ON t.id = e.tx_id
                            WHERE a.owner = $1 ORDER BY e.id DESC LIMIT $2 OFFSET $3""")
                                    .execute(Tuple.of(participant, size, (long) page * size))
                                    .map(rows -> {
                                        List<StatementLine> items = new ArrayList<>();
                                        for (Row r : rows) {
                                            items.add(new StatementLine(
                                                    r.getLong(0),
                                                    r.getLong(1),
                                                    r.getString(2),
                                                    r.getString(3),
                                                    r.getOffsetDateTime(4),
                                                    r.getString(5),
                                                    r.getLong(6)));
                                        }
                                        return new Page<>(page, size, total, items);
                                    });
                        }))
                .invoke(p -> {
                    if (p.total() == 0) {
                        // Tell an unknown participant apart from one with no movements yet.
                        throw new NoEntries();
                    }
                })
                .onFailure(NoEntries.class)
                .recoverWithUni(() -> balances(participant).map(b -> new Page<>(page, size, 0, List.of())));
    }

    private static final class NoEntries extends RuntimeException {
        NoEntries() {
            super(null, null, false, false);
        }
    }

    public record ReportLine(String participant, String role, Double score, Double fraction, long amount) {}

    /** The settlement of a (topic, epoch): its pots, entropies and a page of its payment lines. */
    public Uni<Map<String, Object>> settlementReport(String topic, long epoch, int page, int size) {
        return pool.withConnection(c -> c.preparedQuery("SELECT * FROM settlements WHERE topic = $1 AND epoch = $2")
                .execute(Tuple.of(topic, epoch))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        throw Refusal.notFound("epoch " + epoch + " of topic " + topic + " is not settled");
                    }
                    Row r = rows.iterator().next();
                    Map<String, Object> report = new LinkedHashMap<>();
                    report.put("topic", topic);
                    report.put("epoch", epoch);
                    for (String col : List.of(
                            "pot",
                            "dust",
                            "validators_pot",
                            "topic_owner_pot",
                            "inferers_pot",
                            "forecasters_pot",
                            "reputers_pot",
                            "tx_id")) {
                        report.put(camel(col), r.getLong(col));
                    }
                    for (String col : List.of(
                            "inference_entropy", "forecast_entropy", "reputer_entropy", "tau", "chi", "gamma")) {
                        report.put(camel(col), r.getDouble(col));
                    }
                    report.put("splitMode", r.getString("split_mode"));
                    report.put("settledAt", r.getOffsetDateTime("settled_at"));
                    return c.preparedQuery("SELECT count(*) FROM settlement_lines WHERE topic = $1 AND epoch = $2")
                            .execute(Tuple.of(topic, epoch))
                            .chain(count -> c.preparedQuery("SELECT participant, role, score, fraction, amount "
                                            + "FROM settlement_lines WHERE topic = $1 AND epoch = $2 ORDER BY seq "
                                            + "LIMIT $3 OFFSET $4")
                                    .execute(Tuple.of(topic, epoch, size, (long) page * size))
                                    .map(lines -> {
                                        List<ReportLine> items = new ArrayList<>();
                                        for (Row l : lines) {
                                            items.add(new ReportLine(
                                                    l.getString(0),
                                                    l.getString(1),
                                                    l.getDouble(2),
                                                    l.getDouble(3),
                                                    l.getLong(4)));
                                        }
                                        report.put(
                                                "lines",
                                                new Page<>(
                                                        page,
                                                        size,
                                                        count.iterator().next().getLong(0),
                                                        items));
                                        return report;
                                    }));
                }));
    }

    private static String camel(String snake) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char ch : snake.toCharArray()) {
            if (ch == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return out.toString();
    }
}
