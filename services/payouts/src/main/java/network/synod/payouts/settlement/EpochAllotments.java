package network.synod.payouts.settlement;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import network.synod.payouts.economics.Apportionment;
import network.synod.payouts.economics.EmissionSchedule;
import network.synod.payouts.economics.TopicSettlement;
import network.synod.payouts.economics.TopicWeights;
import network.synod.payouts.ledger.Account;
import network.synod.payouts.ledger.Ledger;
import network.synod.payouts.ledger.Movement;

/**
 * An epoch's emission split across topics by topic weight (allora.md §4.2). It is computed once, when the first
 * topic of the epoch settles, from one snapshot of every topic's stake and fees, so the topics' pots add up to
 * the epoch's emission whatever order their scores arrive in; the apportionment dust is minted to the treasury
 * right away. Callers hold the settlement lock.
 */
@ApplicationScoped
public class EpochAllotments {

    private final Ledger ledger;

    public EpochAllotments(Ledger ledger) {
        this.ledger = ledger;
    }

    /** The topic's pot for the epoch, creating the epoch's allotments first if needed. */
    Uni<Long> potFor(SqlConnection c, long epoch, String topic) {
        return c.preparedQuery("SELECT 1 FROM epoch_emissions WHERE epoch = $1")
                .execute(Tuple.of(epoch))
                .chain(rows -> rows.size() > 0 ? Uni.createFrom().voidItem() : allot(c, epoch))
                .chain(() -> c.preparedQuery("SELECT amount FROM topic_allotments WHERE epoch = $1 AND topic = $2")
                        .execute(Tuple.of(epoch, topic)))
                .map(rows -> rows.size() == 0 ? 0L : rows.iterator().next().getLong(0));
    }

    private Uni<Void> allot(SqlConnection c, long epoch) {
        Uni<EmissionSchedule> schedule = c.query(
                        "SELECT per_epoch, halving_every_epochs, cap FROM emission_parameters WHERE id = 1")
                .execute()
                .map(rows -> {
                    Row r = rows.iterator().next();
                    return new EmissionSchedule(r.getLong(0), r.getLong(1), r.getLong(2));
                });
        Uni<Long> before = c.query("SELECT coalesce(sum(scheduled), 0) FROM epoch_emissions")
                .execute()
                .map(rows -> rows.iterator().next().getLong(0));
        Uni<List<TopicWeights.Input>> topics = c.query("""
                SELECT t.topic, t.fee_revenue, t.weight, coalesce(s.stake, 0) AS stake
                FROM topic_economics t
                LEFT JOIN (SELECT topic, sum(balance) AS stake FROM accounts
                           WHERE kind IN ('stake', 'delegation') GROUP BY topic) s ON s.topic = t.topic
                ORDER BY t.topic""").execute().map(rows -> {
            List<TopicWeights.Input> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(new TopicWeights.Input(
                        r.getString("topic"), r.getLong("stake"), r.getLong("fee_revenue"), r.getDouble("weight")));
            }
            return out;
        });
        return schedule.chain(s -> before.chain(b -> topics.chain(inputs -> {
            long emission = s.emissionFor(epoch, b);
            List<TopicWeights.Weight> weights = TopicWeights.compute(inputs, TopicWeights.Params.allora());
            SortedMap<String, BigInteger> exact = new TreeMap<>();
            weights.forEach(w -> exact.put(w.topic(), Apportionment.exactWeight(w.weight())));
            Apportionment.Result split = Apportionment.floorWithDust(emission, exact);
            String[] names = weights.stream().map(TopicWeights.Weight::topic).toArray(String[]::new);
            Double[] values = weights.stream().map(TopicWeights.Weight::weight).toArray(Double[]::new);
            Long[] amounts =
                    weights.stream().map(w -> split.shares().get(w.topic())).toArray(Long[]::new);
            return c.preparedQuery("INSERT INTO epoch_emissions (epoch, scheduled, scheduled_before, treasury_dust) "
                            + "VALUES ($1, $2, $3, $4)")
                    .execute(Tuple.of(epoch, emission, b, split.dust()))
                    .chain(() -> c.preparedQuery("INSERT INTO topic_allotments (epoch, topic, weight, amount) "
                                    + "SELECT $1, * FROM unnest($2::text[], $3::float8[], $4::bigint[])")
                            .execute(Tuple.of(epoch, names, values, amounts)))
                    // The weight EMA advances once per epoch, here.
                    .chain(() -> c.preparedQuery(
                                    "UPDATE topic_economics t SET weight = u.weight "
                                            + "FROM unnest($1::text[], $2::float8[]) AS u(topic, weight) WHERE t.topic = u.topic")
                            .execute(Tuple.of(names, values)))
                    .chain(() -> split.dust() == 0
                            ? Uni.createFrom().nullItem()
                            : ledger.post(
                                    c,
                                    "emission",
                                    "epoch-dust:" + epoch,
                                    "epoch " + epoch + " emission not allotted to any topic",
                                    List.of(
                                            Movement.debit(Account.ISSUANCE_ACCOUNT, split.dust()),
                                            Movement.credit(Account.rewards(TopicSettlement.TREASURY), split.dust()))))
                    .replaceWithVoid();
        })));
    }
}
