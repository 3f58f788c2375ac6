package network.synod.verification.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import network.synod.core.events.FraudEvent;
import network.synod.core.events.InferRequest;
import network.synod.core.events.InferenceRecord;
import network.synod.core.events.QuarantineOrder;
import network.synod.core.events.SchemaVersions;
import network.synod.core.verification.AuditSampler;
import network.synod.core.verification.EpochSeed;
import network.synod.core.verification.Hashes;
import network.synod.core.verification.OutputComparator;
import network.synod.core.verification.Receipt;
import network.synod.verification.store.Verdict;
import network.synod.verification.store.VerificationStore;
import network.synod.verification.store.Verifier;

/**
 * Audits committed inference records. Records are held per topic and epoch until the epoch is committed (a record of
 * a later epoch arrived, or none came for {@code epoch-close-after}); then the epoch's seed is revealed (stored, and
 * served at {@code GET /v1/seeds/{topic}/{epoch}}), each signed answer is sampled with {@link AuditSampler} at the
 * topic's rate, and sampled ones are re-executed on a verifier of the receipt's model digest and compared. A record
 * arriving for an epoch already revealed could have been chosen knowing the seed, so all of its answers are audited.
 * A failed audit is persisted with its evidence and published as a fraud event (payouts slashes) and a quarantine
 * order (gateways stop routing).
 */
@ApplicationScoped
public class Auditor {

    private static final Logger LOG = Logger.getLogger(Auditor.class);

    @Inject
    VerificationStore store;

    @Inject
    VerificationConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    Vertx vertx;

    @Inject
    MeterRegistry metrics;

    @Inject
    @Channel("fraud-events")
    Emitter<String> fraudEvents;

    @Inject
    @Channel("quarantine")
    Emitter<String> quarantine;

    private volatile byte[] secret;
    private WebClient client;
    private final Map<String, Double> rates = new ConcurrentHashMap<>();
    private final Map<String, Verifier> verifiers = new ConcurrentHashMap<>();
    private final Map<String, Pending> pending = new TreeMap<>();
    final AtomicLong answersSeen = new AtomicLong();
    final AtomicLong audited = new AtomicLong();
    final AtomicLong reexecutionNanos = new AtomicLong();

    /** A topic's records not yet audited, by epoch, and the highest epoch already revealed. */
    private static final class Pending {
        final TreeMap<Long, List<InferenceRecord>> byEpoch = new TreeMap<>();
        long revealedUpTo = Long.MIN_VALUE;
        long lastArrival;
    }

    /** What the audits cost so far: answers seen, audited, and the verifiers' re-execution time. */
    public long[] counters() {
        return new long[] {answersSeen.get(), audited.get(), reexecutionNanos.get()};
    }

    void start(@Observes StartupEvent event) {
        client = WebClient.create(
                vertx, new WebClientOptions().setKeepAlive(true).setMaxPoolSize(16));
        secret = store.secret(config.seedSecret().orElse(null)).await().indefinitely();
        rates.putAll(store.rates().await().indefinitely());
        store.verifiers().await().indefinitely().forEach(v -> verifiers.put(v.digest(), v));
        vertx.setPeriodic(200, id -> closeIdle());
    }

    double rate(String topic) {
        return rates.getOrDefault(topic, config.defaultRate());
    }

    public Map<String, Double> rates() {
        return new TreeMap<>(rates);
    }

    public Uni<Void> setRate(String topic, double rate) {
        return store.saveRate(topic, rate).invoke(() -> rates.put(topic, rate));
    }

    public Map<String, Verifier> verifiers() {
        return new TreeMap<>(verifiers);
    }

    public Uni<Void> putVerifier(Verifier v) {
        return store.saveVerifier(v).invoke(() -> verifiers.put(v.digest(), v));
    }

    public Uni<Boolean> deleteVerifier(String digest) {
        return store.deleteVerifier(digest).invoke(() -> verifiers.remove(digest));
    }

    public EpochSeed seed(String topic, long epoch) {
        return EpochSeed.derive(secret, topic, epoch);
    }

    @Incoming("inferences")
    public Uni<Void> onRecord(String payload) {
        InferenceRecord record;
        try {
            record = json.readValue(payload, InferenceRecord.class);
            SchemaVersions.requireKnown("inference record", record.schemaVersion(), InferenceRecord.SCHEMA_VERSION);
        } catch (Exception e) {
            LOG.warnf("skipping an unreadable inference record: %s", e.getMessage());
            return Uni.createFrom().voidItem();
        }
        if (record.receipts() == null || record.receipts().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        answersSeen.addAndGet(record.receipts().size());
        return recordHistory(record).chain(() -> buffer(record));
    }

    /** Keeps the inputs of workers whose model is verified by replay, in the order the records come. */
    private Uni<Void> recordHistory(InferenceRecord record) {
        if (record.context() == null) {
            return Uni.createFrom().voidItem();
        }
        List<Map.Entry<String, Receipt>> replayed = record.receipts().entrySet().stream()
                .filter(e -> verifiers.containsKey(e.getValue().modelDigest())
                        && verifiers.get(e.getValue().modelDigest()).replays())
                .toList();
        return Multi.createFrom()
                .iterable(replayed)
                .onItem()
                .transformToUniAndConcatenate(
                        e -> store.appendHistory(record.topic(), e.getKey(), record.requestId(), record.context()))
                .collect()
                .asList()
                .replaceWithVoid();
    }

    private Uni<Void> buffer(InferenceRecord record) {
        List<Long> toClose = new ArrayList<>();
        boolean late;
        synchronized (pending) {
            Pending p = pending.computeIfAbsent(record.topic(), t -> new Pending());
            late = record.epoch() <= p.revealedUpTo;
            if (!late) {
                p.byEpoch
                        .computeIfAbsent(record.epoch(), e -> new ArrayList<>())
                        .add(record);
                p.lastArrival = System.nanoTime();
                toClose.addAll(p.byEpoch.headMap(record.epoch(), false).keySet());
            }
        }
        if (late) {
            LOG.warnf(
                    "record %s of topic %s arrived after epoch %d's seed was revealed: auditing all its answers",
                    record.requestId(), record.topic(), record.epoch());
            return audit(record, seed(record.topic(), record.epoch()), true);
        }
        return closeEpochs(record.topic(), toClose);
    }

    /** Closes the epochs of topics that have been quiet for {@code epoch-close-after}. */
    private void closeIdle() {
        long quiet = config.epochCloseAfter().toNanos();
        Map<String, List<Long>> due = new TreeMap<>();
        synchronized (pending) {
            pending.forEach((topic, p) -> {
                if (!p.byEpoch.isEmpty() && System.nanoTime() - p.lastArrival >= quiet) {
                    due.put(topic, new ArrayList<>(p.byEpoch.keySet()));
                }
            });
        }
        due.forEach((topic, epochs) -> closeEpochs(topic, epochs)
                .subscribe()
                .with(v -> {}, e -> LOG.errorf(e, "auditing topic %s failed", topic)));
    }

    private Uni<Void> closeEpochs(String topic, List<Long> epochs) {
        if (epochs.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom()
                .iterable(epochs)
                .onItem()
                .transformToUniAndConcatenate(epoch -> {
                    List<InferenceRecord> records;
                    synchronized (pending) {
                        Pending p = pending.get(topic);
                        records = p.byEpoch.remove(epoch);
                        if (records == null) {
                            return Uni.createFrom().voidItem();
                        }
                        p.revealedUpTo = Math.max(p.revealedUpTo, epoch);
                    }
                    EpochSeed seed = seed(topic, epoch);
                    return store.saveSeed(topic, epoch, seed.commitment(), seed.seedHex())
                            .chain(() -> Multi.createFrom()
                                    .iterable(records)
                                    .onItem()
                                    .transformToUniAndConcatenate(r -> audit(r, seed, false))
                                    .collect()
                                    .asList())
                            .replaceWithVoid();
                })
                .collect()
                .asList()
                .replaceWithVoid();
    }

    private Uni<Void> audit(InferenceRecord record, EpochSeed seed, boolean late) {
        double rate = late ? 1.0 : rate(record.topic());
        List<Map.Entry<String, Receipt>> chosen = record.receipts().entrySet().stream()
                .filter(e -> AuditSampler.audited(seed.seed(), record.requestId(), e.getKey(), rate))
                .toList();
        return Multi.createFrom()
                .iterable(chosen)
                .onItem()
                .transformToUniAndConcatenate(e -> auditAnswer(record, e.getKey(), e.getValue(), seed, rate, late))
                .collect()
                .asList()
                .replaceWithVoid();
    }

    private Uni<Void> auditAnswer(
            InferenceRecord record, String worker, Receipt receipt, EpochSeed seed, double rate, boolean late) {
        audited.incrementAndGet();
        ObjectNode evidence = json.createObjectNode();
        evidence.set("receipt", json.valueToTree(receipt));
        evidence.set("context", json.valueToTree(record.context()));
        Double claimed = record.inference() == null || record.inference().bundle() == null
                ? null
                : record.inference().bundle().inferences().get(worker);
        evidence.put("claimed", claimed);
        ObjectNode sampling = evidence.putObject("sampling");
        sampling.put("epoch", seed.epoch())
                .put("commitment", seed.commitment())
                .put("seed", seed.seedHex())
                .put("draw", AuditSampler.draw(seed.seed(), record.requestId(), worker))
                .put("rate", rate)
                .put("late", late);
        if (claimed == null || record.context() == null) {
            return conclude(
                    record,
                    worker,
                    receipt,
                    "unverifiable",
                    claimed == null ? "record-without-value" : "record-without-context",
                    evidence);
        }
        if (!Hashes.outputHash(claimed).equals(receipt.outputHash())) {
            evidence.put("detail", "the record's value is not the one the receipt signs");
            return conclude(record, worker, receipt, "fail", "output-mismatch", evidence);
        }
        Verifier v = verifiers.get(receipt.modelDigest());
        if (v == null) {
            evidence.put("detail", "no verifier is registered for model digest " + receipt.modelDigest());
            return conclude(record, worker, receipt, "unverifiable", "unknown-digest", evidence);
        }
        evidence.set("verifier", json.valueToTree(v));
        long start = System.nanoTime();
        Uni<Double> rerun =
                v.replays() ? replay(v, record, worker) : reexecute(v, record.requestId(), record.context());
        return rerun.onItemOrFailure().transformToUni((value, failure) -> {
            reexecutionNanos.addAndGet(System.nanoTime() - start);
            if (failure != null) {
                evidence.put("detail", "the verifier failed: " + failure.getMessage());
                return conclude(record, worker, receipt, "unverifiable", "verifier-error", evidence);
            }
            evidence.put("reexecuted", value);
            OutputComparator.Comparison c =
                    OutputComparator.compare(new double[] {claimed}, new double[] {value}, v.policy());
            evidence.set("comparison", json.valueToTree(c));
            return conclude(
                    record,
                    worker,
                    receipt,
                    c.match() ? "pass" : "fail",
                    c.match() ? "output-match" : "output-mismatch",
                    evidence);
        });
    }

    /**
     * Re-executes a stateful model: sends the verifier every input the worker was sent, from its first, in order, and
     * takes the last answer. One replay at a time, since each one drives the verifier's state.
     */
    private Uni<Double> replay(Verifier v, InferenceRecord record, String worker) {
        return store.history(record.topic(), worker, record.requestId()).chain(history -> {
            if (history.isEmpty()) {
                return Uni.createFrom().failure(new IllegalStateException("no history kept for this request"));
            }
            return Uni.createFrom()
                    .item(() -> {
                        synchronized (replayLock) {
                            // Start the verifier afresh: an input of another season makes a learning model start over
                            // (and the first real input, of the topic's season, does so again), whatever it held
                            // before.
                            InferenceRecord.Context first = history.get(0);
                            reexecute(
                                            v,
                                            "replay-reset",
                                            new InferenceRecord.Context(1, first.season() + 1, new double[] {0}))
                                    .onFailure()
                                    .recoverWithItem(Double.NaN)
                                    .await()
                                    .atMost(config.verifierTimeout());
                            double last = Double.NaN;
                            for (int i = 0; i < history.size(); i++) {
                                last = reexecute(v, "replay-" + i, history.get(i))
                                        .await()
                                        .atMost(config.verifierTimeout());
                            }
                            return last;
                        }
                    })
                    .runSubscriptionOn(io.smallrye.mutiny.infrastructure.Infrastructure.getDefaultWorkerPool());
        });
    }

    private final Object replayLock = new Object();

    private Uni<Double> reexecute(Verifier v, String requestId, InferenceRecord.Context context) {
        InferRequest body = InferRequest.forWindow(requestId, context.step(), context.season(), context.window(), null);
        return client.postAbs(v.url() + "/v2/models/" + v.model() + "/infer")
                .timeout(config.verifierTimeout().toMillis())
                .sendJson(body)
                .map(r -> {
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("HTTP " + r.statusCode() + ": " + r.bodyAsString());
                    }
                    for (Object o : r.bodyAsJsonObject().getJsonArray("outputs")) {
                        if (o instanceof JsonObject j && "forecast".equals(j.getString("name"))) {
                            return j.getJsonArray("data").getDouble(0);
                        }
                    }
                    throw new IllegalStateException("the verifier's answer has no forecast");
                });
    }

    private Uni<Void> conclude(
            InferenceRecord record,
            String worker,
            Receipt receipt,
            String outcome,
            String reason,
            ObjectNode evidence) {
        metrics.counter("synod_verification_audits_total", "topic", record.topic(), "outcome", outcome)
                .increment();
        Verdict v = new Verdict(
                0,
                record.topic(),
                record.epoch(),
                record.requestId(),
                worker,
                receipt.modelDigest(),
                outcome,
                reason,
                evidence,
                null);
        return store.saveVerdict(v)
                .invoke(saved -> {
                    if (saved == null || !saved.outcome().equals("fail")) {
                        return;
                    }
                    LOG.warnf(
                            "audit failed: worker %s of topic %s, request %s (%s); verdict %d",
                            worker, record.topic(), record.requestId(), reason, saved.id());
                    publish(saved);
                })
                .replaceWithVoid();
    }

    private void publish(Verdict v) {
        String link = config.publicUrl() + "/v1/verdicts/" + v.id();
        FraudEvent event = new FraudEvent(
                "verification:" + v.id(),
                v.topic(),
                v.worker(),
                config.prover(),
                v.reason(),
                new FraudEvent.Evidence(link, v.id(), v.requestId(), v.evidence()));
        QuarantineOrder order = new QuarantineOrder(v.topic(), v.worker(), v.reason() + ": " + link, v.id());
        try {
            fraudEvents.send(KafkaRecord.of(v.topic(), json.writeValueAsString(event)));
            quarantine.send(KafkaRecord.of(v.topic(), json.writeValueAsString(order)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a fraud event could not be written", e);
        }
    }
}
