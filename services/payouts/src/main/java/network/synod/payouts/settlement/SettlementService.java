package network.synod.payouts.settlement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import network.synod.core.events.EpochScoresEvent;
import network.synod.core.events.EpochScoresEvent.ParticipantScore;
import network.synod.core.events.SchemaVersions;
import network.synod.core.refusal.Refusal;
import network.synod.payouts.config.PayoutsConfig;
import network.synod.payouts.economics.Role;
import network.synod.payouts.economics.SplitParams;
import network.synod.payouts.economics.TopicSettlement;
import network.synod.payouts.ledger.Account;
import network.synod.payouts.ledger.Ledger;
import network.synod.payouts.ledger.Movement;

/**
 * Settles a (topic, epoch) exactly once. Everything happens in one database transaction, serialised with every
 * other settlement and slash by an advisory lock: check the {@code settlements} inbox, take the topic's pot from
 * the epoch's allotments, compute the payouts ({@link TopicSettlement}), write the ledger transaction (idempotency
 * key {@code settle:<topic>:<epoch>}), the report lines, the EMA state and the inbox row. A crash anywhere before
 * the commit leaves no trace; a redelivery after it finds the inbox row and pays nothing.
 */
@ApplicationScoped
public class SettlementService {

    /** Shared with slashing: both read and write stake and rewards of many accounts. */
    public static final long SETTLEMENT_LOCK = 0x5359_4e4f_4453_4554L;

    private final Pool pool;
    private final Ledger ledger;
    private final EpochAllotments allotments;
    private final PayoutsConfig config;

    public SettlementService(Pool pool, Ledger ledger, EpochAllotments allotments, PayoutsConfig config) {
        this.pool = pool;
        this.ledger = ledger;
        this.allotments = allotments;
        this.config = config;
    }

    public Uni<SettlementResult> settle(EpochScoresEvent scores) {
        validate(scores);
        String topic = scores.topic();
        long epoch = scores.epoch();
        return pool.withTransaction(c -> c.preparedQuery("SELECT pg_advisory_xact_lock($1)")
                .execute(Tuple.of(SETTLEMENT_LOCK))
                .chain(() -> c.preparedQuery("SELECT pot, tx_id FROM settlements WHERE topic = $1 AND epoch = $2")
                        .execute(Tuple.of(topic, epoch)))
                .chain(rows -> {
                    if (rows.size() > 0) {
                        Row r = rows.iterator().next();
                        return Uni.createFrom()
                                .item(new SettlementResult(topic, epoch, true, r.getLong("pot"), r.getLong("tx_id")));
                    }
                    return allotments.potFor(c, epoch, topic).chain(pot -> pay(c, scores, pot));
                }));
    }

    private Uni<SettlementResult> pay(SqlConnection c, EpochScoresEvent scores, long pot) {
        String topic = scores.topic();
        long epoch = scores.epoch();
        return loadInput(c, scores, pot).chain(loaded -> {
            TopicSettlement.Plan plan = TopicSettlement.plan(loaded.input(), loaded.params());
            List<Movement> movements = new ArrayList<>(plan.credits().size() + 1);
            movements.add(Movement.debit(Account.ISSUANCE_ACCOUNT, pot));
            plan.credits()
                    .forEach((participant, amount) ->
                            movements.add(Movement.credit(Account.rewards(participant), amount)));
            return ledger.post(
                            c,
                            "settlement",
                            "settle:" + topic + ":" + epoch,
                            "settlement of " + topic + " epoch " + epoch,
                            movements)
                    .call(() -> pauseForTests(c))
                    .call(() -> writeLines(c, topic, epoch, plan))
                    .call(() -> writeEma(c, topic, loaded.input().previousEma(), plan))
                    .call(() -> c.preparedQuery("INSERT INTO topic_economics (topic, tau) VALUES ($1, $2) "
                                    + "ON CONFLICT (topic) DO UPDATE SET tau = EXCLUDED.tau")
                            .execute(Tuple.of(topic, plan.tau())))
                    .call(txId -> c.preparedQuery("""
                            INSERT INTO settlements (topic, epoch, pot, dust, validators_pot, topic_owner_pot,
                              inferers_pot, forecasters_pot, reputers_pot, inference_entropy, forecast_entropy,
                              reputer_entropy, tau, chi, gamma, split_mode, tx_id)
                            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)""")
                            .execute(Tuple.tuple(List.of(
                                    topic,
                                    epoch,
                                    pot,
                                    plan.dust(),
                                    plan.validatorsPot(),
                                    plan.topicOwnerPot(),
                                    plan.inferersPot(),
                                    plan.forecastersPot(),
                                    plan.reputersPot(),
                                    plan.inferenceEntropy(),
                                    plan.forecastEntropy(),
                                    plan.reputerEntropy(),
                                    plan.tau(),
                                    plan.chi(),
                                    plan.gamma(),
                                    loaded.params().mode().name(),
                                    txId))))
                    .map(txId -> new SettlementResult(topic, epoch, false, pot, txId));
        });
    }

    private record Loaded(TopicSettlement.Input input, SplitParams params) {}

    private Uni<Loaded> loadInput(SqlConnection c, EpochScoresEvent s, long pot) {
        String topic = s.topic();
        Map<String, Long> ownStake = new HashMap<>();
        List<TopicSettlement.Delegation> delegations = new ArrayList<>();
        Map<Role, Map<String, Double>> ema = new EnumMap<>(Role.class);
        SplitParams[] params = new SplitParams[1];
        double[] tau = new double[1];
        return c.preparedQuery("SELECT owner, kind, target, balance FROM accounts "
                        + "WHERE topic = $1 AND kind IN ('stake', 'delegation') AND balance > 0")
                .execute(Tuple.of(topic))
                .invoke(rows -> {
                    for (Row r : rows) {
                        if (Account.STAKE.equals(r.getString("kind"))) {
                            ownStake.put(r.getString("owner"), r.getLong("balance"));
                        } else {
                            delegations.add(new TopicSettlement.Delegation(
                                    r.getString("owner"), r.getString("target"), r.getLong("balance")));
                        }
                    }
                })
                .chain(() -> c.preparedQuery("SELECT role, participants, ema FROM task_ema_state WHERE topic = $1")
                        .execute(Tuple.of(topic)))
                .invoke(rows -> {
                    for (Row r : rows) {
                        String[] ids = r.getArrayOfStrings("participants");
                        Double[] values = r.getArrayOfDoubles("ema");
                        // Stored sorted by id; keeping that order makes sorting the next state cheap (writeEma).
                        Map<String, Double> byId = new LinkedHashMap<>(ids.length * 2);
                        for (int i = 0; i < ids.length; i++) {
                            byId.put(ids[i], values[i]);
                        }
                        ema.put(Role.valueOf(r.getString("role")), byId);
                    }
                })
                .chain(() -> c.preparedQuery("""
                        SELECT p.validators_bps, p.topic_owner_bps, t.min_stake, t.split_mode, t.inferers_bps,
                               t.forecasters_bps, t.reputers_bps, t.tau
                        FROM emission_parameters p LEFT JOIN topic_economics t ON t.topic = $1
                        WHERE p.id = 1""").execute(Tuple.of(topic)))
                .invoke(rows -> {
                    Row r = rows.iterator().next();
                    PayoutsConfig.Split split = config.split();
                    boolean own = r.getString("split_mode") != null;
                    SplitParams p = SplitParams.allora()
                            .withMode(SplitParams.SplitMode.valueOf(own ? r.getString("split_mode") : split.mode()))
                            .withFixed(
                                    own ? r.getInteger("inferers_bps") : split.inferersBps(),
                                    own ? r.getInteger("forecasters_bps") : split.forecastersBps(),
                                    own ? r.getInteger("reputers_bps") : split.reputersBps())
                            .withShares(
                                    r.getInteger("validators_bps"),
                                    r.getInteger("topic_owner_bps"),
                                    config.validators().orElse(List.of()))
                            .withMinStake(own ? r.getLong("min_stake") : 0);
                    params[0] = p;
                    tau[0] = own ? r.getDouble("tau") : 0;
                })
                .map(x -> new Loaded(
                        new TopicSettlement.Input(
                                topic,
                                pot,
                                scoreMap(s.inferers()),
                                scoreMap(s.forecasters()),
                                scoreMap(s.reputers()),
                                orNaN(s.combinedLoss()),
                                orNaN(s.naiveLoss()),
                                ownStake,
                                delegations,
                                ema,
                                tau[0]),
                        params[0]));
    }

    private Uni<Void> pauseForTests(SqlConnection c) {
        long millis = config.settlementPause().toMillis();
        return millis == 0
                ? Uni.createFrom().voidItem()
                : c.preparedQuery("SELECT pg_sleep($1)")
                        .execute(Tuple.of(millis / 1000.0))
                        .replaceWithVoid();
    }

    private static Uni<Void> writeLines(SqlConnection c, String topic, long epoch, TopicSettlement.Plan plan) {
        int n = plan.lines().size();
        Integer[] seq = new Integer[n];
        String[] participants = new String[n];
        String[] roles = new String[n];
        Double[] scores = new Double[n];
        Double[] fractions = new Double[n];
        Long[] amounts = new Long[n];
        for (int i = 0; i < n; i++) {
            TopicSettlement.Line line = plan.lines().get(i);
            seq[i] = i;
            participants[i] = line.participant();
            roles[i] = line.role().name();
            scores[i] = line.score();
            fractions[i] = line.fraction();
            amounts[i] = line.amount();
        }
        return c.preparedQuery("INSERT INTO settlement_lines "
                        + "(topic, epoch, seq, participant, role, score, fraction, amount) "
                        + "SELECT $1, $2, * FROM unnest($3::int[], $4::text[], $5::text[], $6::float8[], $7::float8[], "
                        + "$8::bigint[])")
                .execute(Tuple.tuple(List.of(topic, epoch, seq, participants, roles, scores, fractions, amounts)))
                .replaceWithVoid();
    }

    /**
     * Stores each role's EMA state ({@code task_ema_state}, one row per role): the previous state with this epoch's
     * participants' values replaced. A participant absent this epoch keeps its last value, as Allora keeps it.
     */
    private static Uni<Void> writeEma(
            SqlConnection c, String topic, Map<Role, Map<String, Double>> previous, TopicSettlement.Plan plan) {
        List<Tuple> rows = new ArrayList<>();
        plan.ema().forEach((role, current) -> {
            if (current.isEmpty()) {
                return; // nothing changed for this role
            }
            Map<String, Double> merged = new LinkedHashMap<>(previous.getOrDefault(role, Map.of()));
            merged.putAll(current);
            String[] ids = merged.keySet().toArray(new String[0]);
            Arrays.sort(ids);
            Double[] values = new Double[ids.length];
            for (int i = 0; i < ids.length; i++) {
                values[i] = merged.get(ids[i]);
            }
            rows.add(Tuple.of(topic, role.name(), ids, values));
        });
        return rows.isEmpty()
                ? Uni.createFrom().voidItem()
                : c.preparedQuery("INSERT INTO task_ema_state (topic, role, participants, ema) VALUES ($1, $2, $3, $4) "
                                + "ON CONFLICT (topic, role) DO UPDATE SET participants = EXCLUDED.participants, "
                                + "ema = EXCLUDED.ema")
                        .executeBatch(rows)
                        .replaceWithVoid();
    }

    private static double orNaN(Double d) {
        return d == null ? Double.NaN : d;
    }

    private static SortedMap<String, Double> scoreMap(List<ParticipantScore> scores) {
        SortedMap<String, Double> out = new TreeMap<>();
        if (scores != null) {
            scores.forEach(s -> out.put(s.id(), s.score()));
        }
        return out;
    }

    /** Refuses what cannot be settled meaningfully; such a message is logged and skipped by the consumer. */
    static void validate(EpochScoresEvent s) {
        if (s == null || !Account.validName(s.topic())) {
            throw Refusal.invalid("topic must match " + Account.NAME.pattern());
        }
        SchemaVersions.requireKnown("epoch scores", s.schemaVersion(), EpochScoresEvent.SCHEMA_VERSION);
        if (s.epoch() == null || s.epoch() < 0) {
            throw Refusal.invalid("epoch must be a non-negative integer");
        }
        for (List<ParticipantScore> list :
                List.of(nonNull(s.inferers()), nonNull(s.forecasters()), nonNull(s.reputers()))) {
            Set<String> seen = new HashSet<>();
            for (ParticipantScore score : list) {
                if (score == null
                        || !Account.validName(score.id())
                        || score.id().equals(TopicSettlement.TREASURY)) {
                    throw Refusal.invalid("every score needs a valid participant id (not the treasury)");
                }
                if (!seen.add(score.id())) {
                    throw Refusal.invalid("participant " + score.id() + " is scored twice in one role");
                }
            }
        }
    }

    private static List<ParticipantScore> nonNull(List<ParticipantScore> l) {
        return l == null ? List.of() : l;
    }
}
