package network.synod.gateway.inference;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.vertx.mutiny.core.buffer.Buffer;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import network.synod.core.events.InferenceRecord;
import network.synod.core.forecast.ForecastContext;
import network.synod.core.refusal.Refusal;
import network.synod.core.synthesis.NetworkInference;
import network.synod.core.synthesis.Synthesizer;
import network.synod.core.synthesis.TopicState;
import network.synod.core.verification.Commitment;
import network.synod.core.verification.Receipt;
import network.synod.gateway.activation.Activations;
import network.synod.gateway.inference.WorkerClient.Outcome;
import network.synod.gateway.inference.WorkerClient.Revealed;
import network.synod.gateway.registry.TopicRuntime;
import network.synod.gateway.registry.WorkerEndpoint;

/**
 * One network inference: ask every worker of the topic at once, wait for each up to its deadline, synthesize
 * from those that answered with the topic's current state, publish the record, answer.
 */
@ApplicationScoped
public class InferenceService {

    @Inject
    WorkerClient workers;

    @Inject
    MeterRegistry metrics;

    // Unbounded: a record of an answered request is never dropped because Kafka is briefly slower than the
    // requests; the producer's own buffer (buffer.memory) bounds what waits for the broker.
    @Inject
    Activations activations;

    @Inject
    @Channel("inferences")
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    Emitter<InferenceRecord> records;

    /** The answer, with every worker's own answer and what failed. */
    public record Result(
            String requestId,
            long epoch,
            NetworkInference inference,
            SortedMap<String, Double> answers,
            SortedMap<String, String> failures) {}

    public Uni<Result> infer(TopicRuntime topic, double[] window, Long epoch, String requestId) {
        String id = requestId == null ? UUID.randomUUID().toString() : requestId;
        long e = topic.epochFor(epoch);
        ForecastContext ctx = new ForecastContext(e, window, topic.params().season());
        TopicState state = topic.state();
        List<WorkerEndpoint> all = activations.awake(topic);
        if (all.stream().noneMatch(w -> !w.forecaster())) {
            if (activations.asleep(topic)) {
                return activations.hold(topic, now -> infer(now, window, e, id));
            }
            throw Refusal.unavailable("topic '" + topic.name() + "' has no inferers registered");
        }
        topic.started();
        // Inferers of a commit-reveal topic, and forecasters always (their forecasts are scored later), first
        // commit to a salted hash of their answer; the reveals are asked for only once every commitment is in,
        // so nobody can copy an answer it has seen (docs/contracts.md).
        boolean inferersCommit = topic.spec().inferersCommit();
        Buffer body = WorkerClient.encode(ctx, id, inferersCommit ? COMMIT : null);
        SortedMap<String, List<Double>> history =
                state.recentLosses().isEmpty() ? null : new TreeMap<>(state.recentLosses());
        Commitment round = new Commitment(id);
        List<Uni<Outcome<Revealed<WorkerClient.Signed>>>> plain = new ArrayList<>();
        List<Uni<Outcome<WorkerClient.Committed>>> commits = new ArrayList<>();
        SortedMap<String, WorkerEndpoint> committing = new TreeMap<>();
        for (WorkerEndpoint w : all) {
            Buffer commitBody;
            if (!w.forecaster()) {
                if (!inferersCommit) {
                    plain.add(Outcome.of(w.name(), workers.signedForecast(w, body, ctx, id)));
                    continue;
                }
                commitBody = body;
            } else if (history != null) {
                commitBody = WorkerClient.lossRequest(ctx, id, history, COMMIT);
            } else {
                continue;
            }
            committing.put(w.name(), w);
            commits.add(Outcome.of(
                    w.name(), workers.commit(w, commitBody).map(c -> accepted(round.commit(w.name(), c.hash()), c))));
        }
        Uni<Answers> revealed = all(commits).chain(cs -> reveal(round, committing, cs, ctx, id, history));
        return Uni.combine()
                .all()
                .unis(all(plain), revealed)
                .asTuple()
                .map(t -> {
                    List<Outcome<Revealed<WorkerClient.Signed>>> asks = new ArrayList<>(t.getItem1());
                    asks.addAll(t.getItem2().inferers());
                    return synthesize(
                            topic, state, ctx, id, e, asks, t.getItem2().forecasters());
                })
                .eventually(topic::finished);
    }

    private static final String COMMIT = "commit";
    private static final String REVEAL = "reveal";

    /** What the reveal phase brought back, inferers and forecasters apart. */
    private record Answers(
            List<Outcome<Revealed<WorkerClient.Signed>>> inferers,
            List<Outcome<Revealed<SortedMap<String, Double>>>> forecasters) {}

    /** Asks every worker whose commitment was accepted to reveal, and checks that the reveal opens it. */
    private Uni<Answers> reveal(
            Commitment round,
            SortedMap<String, WorkerEndpoint> committing,
            List<Outcome<WorkerClient.Committed>> commits,
            ForecastContext ctx,
            String id,
            SortedMap<String, List<Double>> history) {
        List<Uni<Outcome<Revealed<WorkerClient.Signed>>>> inferers = new ArrayList<>();
        List<Uni<Outcome<Revealed<SortedMap<String, Double>>>>> forecasters = new ArrayList<>();
        Buffer revealBody = null;
        Buffer lossBody = null;
        for (Outcome<WorkerClient.Committed> c : commits) {
            WorkerEndpoint w = committing.get(c.worker());
            String hashedAs = c.value() == null ? null : c.value().worker();
            if (!w.forecaster()) {
                if (c.failure() != null) {
                    inferers.add(Uni.createFrom().item(new Outcome<>(c.worker(), null, c.failure())));
                    continue;
                }
                revealBody = revealBody != null ? revealBody : WorkerClient.encode(ctx, id, REVEAL);
                inferers.add(Outcome.of(
                        w.name(),
                        workers.signedForecast(w, revealBody, ctx, id).map(r -> opened(round, w.name(), hashedAs, r))));
            } else {
                if (c.failure() != null) {
                    forecasters.add(Uni.createFrom().item(new Outcome<>(c.worker(), null, c.failure())));
                    continue;
                }
                lossBody = lossBody != null ? lossBody : WorkerClient.lossRequest(ctx, id, history, REVEAL);
                forecasters.add(Outcome.of(
                        w.name(),
                        workers.predictLosses(w, lossBody, List.copyOf(history.keySet()), ctx, id)
                                .map(r -> opened(round, w.name(), hashedAs, r))));
            }
        }
        return Uni.combine()
                .all()
                .unis(all(inferers), all(forecasters))
                .asTuple()
                .map(t -> new Answers(t.getItem1(), t.getItem2()));
    }

    private static <T> T accepted(Commitment.Outcome outcome, T commitment) {
        if (outcome != Commitment.Outcome.ACCEPTED) {
            throw new IllegalStateException("commitment refused (" + outcome + ")");
        }
        return commitment;
    }

    private static <T> Revealed<T> opened(Commitment round, String worker, String hashedAs, Revealed<T> r) {
        if (r.salt() == null) {
            throw new IllegalStateException("revealed without the salt that opens its commitment");
        }
        Commitment.Outcome outcome = round.reveal(worker, hashedAs, r.values(), r.salt());
        if (outcome == Commitment.Outcome.MISMATCH) {
            throw new IllegalStateException("the revealed answer does not open its commitment");
        }
        if (outcome != Commitment.Outcome.ACCEPTED) {
            throw new IllegalStateException("reveal refused (" + outcome + ")");
        }
        return r;
    }

    /** Waits for every call (each already recovers into an outcome); an empty list is an empty answer. */
    private static <T> Uni<List<T>> all(List<Uni<T>> unis) {
        return unis.isEmpty()
                ? Uni.createFrom().item(List.of())
                : Uni.join().all(unis).andFailFast();
    }

    private Result synthesize(
            TopicRuntime topic,
            TopicState state,
            ForecastContext ctx,
            String id,
            long epoch,
            List<Outcome<Revealed<WorkerClient.Signed>>> asks,
            List<Outcome<Revealed<SortedMap<String, Double>>>> fcs) {
        SortedMap<String, Double> answers = new TreeMap<>();
        SortedMap<String, Receipt> receipts = new TreeMap<>();
        asks.stream().filter(o -> o.failure() == null).forEach(o -> {
            answers.put(o.worker(), o.value().value().value());
            if (o.value().value().receipt() != null) {
                receipts.put(o.worker(), o.value().value().receipt());
            }
        });
        SortedMap<String, SortedMap<String, Double>> predicted = new TreeMap<>();
        fcs.stream()
                .filter(o -> o.failure() == null)
                .forEach(o -> predicted.put(o.worker(), o.value().value()));
        SortedMap<String, String> failures = new TreeMap<>(WorkerClient.failures(asks));
        failures.putAll(WorkerClient.failures(fcs));
        failures.keySet()
                .forEach(w -> metrics.counter("synod_gateway_worker_failures_total", "topic", topic.name(), "worker", w)
                        .increment());
        if (answers.isEmpty()) {
            metrics.counter("synod_gateway_unanswered_total", "topic", topic.name())
                    .increment();
            throw Refusal.unavailable("no worker of topic '" + topic.name() + "' answered: " + failures);
        }
        NetworkInference inference = Synthesizer.infer(topic.params(), state, ctx.lag(1), answers, predicted);
        // Keyed by topic so that one topic's records stay in order on one partition. The emitter only queues the
        // record: the Kafka connector calls the producer on its own sending thread, so a send that blocks
        // (metadata, a full buffer) never holds the event loop, and no thread of ours is woken per request.
        InferenceRecord record = new InferenceRecord(
                id,
                topic.name(),
                epoch,
                Instant.now().toString(),
                inference,
                failures,
                new InferenceRecord.Context(ctx.step(), ctx.season(), ctx.window()),
                receipts);
        records.send(KafkaRecord.of(record.topic(), record));
        metrics.counter("synod_gateway_inferences_total", "topic", topic.name()).increment();
        return new Result(id, epoch, inference, answers, failures);
    }
}
