package network.synod.verification.store;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

import network.synod.core.events.InferenceRecord;

/** Everything verification keeps in PostgreSQL. */
@ApplicationScoped
public class VerificationStore {

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    /** The configured secret, or the one stored, or a fresh one stored now. */
    public Uni<byte[]> secret(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Uni.createFrom().item(HexFormat.of().parseHex(configured.trim()));
        }
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        return pool.preparedQuery("insert into verification_secret (id, secret) values (1, $1) on conflict do nothing")
                .execute(Tuple.of(HexFormat.of().formatHex(fresh)))
                .chain(() -> pool.query("select secret from verification_secret where id = 1")
                        .execute())
                .map(rows -> HexFormat.of().parseHex(rows.iterator().next().getString("secret")));
    }

    public Uni<Map<String, Double>> rates() {
        return pool.query("select topic, rate from verification_topic")
                .execute()
                .map(rows -> {
                    Map<String, Double> out = new TreeMap<>();
                    rows.forEach(r -> out.put(r.getString("topic"), r.getDouble("rate")));
                    return out;
                });
    }

    public Uni<Void> saveRate(String topic, double rate) {
        return pool.preparedQuery("insert into verification_topic (topic, rate) values ($1, $2) "
                        + "on conflict (topic) do update set rate = excluded.rate")
                .execute(Tuple.of(topic, rate))
                .replaceWithVoid();
    }

    public Uni<List<Verifier>> verifiers() {
        return pool.query("select digest, url, model, mode, abs_tol, rel_tol from verification_verifier")
                .execute()
                .map(rows -> {
                    List<Verifier> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new Verifier(
                            r.getString("digest"),
                            r.getString("url"),
                            r.getString("model"),
                            r.getString("mode"),
                            r.getDouble("abs_tol"),
                            r.getDouble("rel_tol"))));
                    return out;
                });
    }

    public Uni<Void> saveVerifier(Verifier v) {
        return pool.preparedQuery(
                        "insert into verification_verifier (digest, url, model, mode, abs_tol, rel_tol) "
                                + "values ($1,$2,$3,$4,$5,$6) on conflict (digest) do update set url = excluded.url, "
                                + "model = excluded.model, mode = excluded.mode, abs_tol = excluded.abs_tol, rel_tol = excluded.rel_tol")
                .execute(Tuple.tuple(
                        java.util.Arrays.asList(v.digest(), v.url(), v.model(), v.mode(), v.absolute(), v.relative())))
                .replaceWithVoid();
    }

    public Uni<Boolean> deleteVerifier(String digest) {
        return pool.preparedQuery("delete from verification_verifier where digest = $1")
                .execute(Tuple.of(digest))
                .map(r -> r.rowCount() > 0);
    }

    public Uni<Void> saveSeed(String topic, long epoch, String commitment, String seed) {
        return pool.preparedQuery("insert into verification_seed (topic, epoch, commitment, seed) values ($1,$2,$3,$4) "
                        + "on conflict do nothing")
                .execute(Tuple.of(topic, epoch, commitment, seed))
                .replaceWithVoid();
    }

    public Uni<Boolean> revealed(String topic, long epoch) {
        return pool.preparedQuery("select 1 from verification_seed where topic = $1 and epoch = $2")
                .execute(Tuple.of(topic, epoch))
                .map(r -> r.size() > 0);
    }

    /** Stores a verdict once per (request, worker); null when one was stored before (a redelivered record). */
    public Uni<Verdict> saveVerdict(Verdict v) {
        return pool.preparedQuery("insert into verification_verdict (topic, epoch, request_id, worker, model_digest, "
                        + "outcome, reason, evidence) values ($1,$2,$3,$4,$5,$6,$7,$8) on conflict (request_id, worker) "
                        + "do nothing returning id, created_at")
                .execute(Tuple.tuple(java.util.Arrays.asList(
                        v.topic(),
                        v.epoch(),
                        v.requestId(),
                        v.worker(),
                        v.modelDigest(),
                        v.outcome(),
                        v.reason(),
                        write(v.evidence()))))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row r = rows.iterator().next();
                    return new Verdict(
                            r.getLong("id"),
                            v.topic(),
                            v.epoch(),
                            v.requestId(),
                            v.worker(),
                            v.modelDigest(),
                            v.outcome(),
                            v.reason(),
                            v.evidence(),
                            r.getOffsetDateTime("created_at").toInstant().toString());
                });
    }

    public Uni<Verdict> verdict(long id) {
        return pool.preparedQuery(SELECT + " where id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : verdictOf(rows.iterator().next()));
    }

    public Uni<List<Verdict>> verdicts(String worker, String topic, String outcome, int limit) {
        return pool.preparedQuery(SELECT + " where ($1::text is null or worker = $1) and ($2::text is null or "
                        + "topic = $2) and ($3::text is null or outcome = $3) order by id desc limit $4")
                .execute(Tuple.tuple(java.util.Arrays.asList(worker, topic, outcome, limit)))
                .map(this::verdictsOf);
    }

    /** Appends one input a worker of a replayed model was sent; a redelivered one is kept once. */
    public Uni<Void> appendHistory(String topic, String worker, String requestId, InferenceRecord.Context context) {
        return pool.preparedQuery("insert into verification_history (topic, worker, request_id, context) "
                        + "values ($1,$2,$3,$4) on conflict do nothing")
                .execute(Tuple.of(topic, worker, requestId, write(json.valueToTree(context))))
                .replaceWithVoid();
    }

    /** Every input the worker was sent on the topic up to and including {@code requestId}, in order. */
    public Uni<List<InferenceRecord.Context>> history(String topic, String worker, String requestId) {
        return pool.preparedQuery("select context from verification_history where topic = $1 and worker = $2 and "
                        + "seq <= (select seq from verification_history where topic = $1 and worker = $2 and request_id = $3) "
                        + "order by seq")
                .execute(Tuple.of(topic, worker, requestId))
                .map(rows -> {
                    List<InferenceRecord.Context> out = new ArrayList<>();
                    rows.forEach(r -> {
                        try {
                            out.add(json.readValue(r.getString("context"), InferenceRecord.Context.class));
                        } catch (Exception e) {
                            throw new IllegalStateException("unreadable history in the database", e);
                        }
                    });
                    return out;
                });
    }

    /** Counts of verdicts by outcome. */
    public Uni<Map<String, Long>> counts() {
        return pool.query("select outcome, count(*) as n from verification_verdict group by outcome")
                .execute()
                .map(rows -> {
                    Map<String, Long> out = new TreeMap<>();
                    rows.forEach(r -> out.put(r.getString("outcome"), r.getLong("n")));
                    return out;
                });
    }

    private static final String SELECT = "select id, topic, epoch, request_id, worker, model_digest, outcome, reason, "
            + "evidence, created_at from verification_verdict";

    private List<Verdict> verdictsOf(RowSet<Row> rows) {
        List<Verdict> out = new ArrayList<>();
        rows.forEach(r -> out.add(verdictOf(r)));
        return out;
    }

    private Verdict verdictOf(Row r) {
        return new Verdict(
                r.getLong("id"),
                r.getString("topic"),
                r.getLong("epoch"),
                r.getString("request_id"),
                r.getString("worker"),
                r.getString("model_digest"),
                r.getString("outcome"),
                r.getString("reason"),
                read(r.getString("evidence")),
                r.getOffsetDateTime("created_at").toInstant().toString());
    }

    private String write(JsonNode n) {
        try {
            return json.writeValueAsString(n);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(String s) {
        try {
            return json.readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable evidence in the database", e);
        }
    }
}
