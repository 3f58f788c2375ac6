package network.synod.gateway;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import network.synod.core.events.InferenceRecord;
import network.synod.core.forecast.ForecastContext;
import network.synod.core.synthesis.NetworkInference;
import network.synod.core.synthesis.Synthesizer;
import network.synod.core.synthesis.TopicState;
import network.synod.core.verification.Receipt;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

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
    @Channel("inferences")
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    Emitter<InferenceRecord> records;

    /** The answer, with every worker's own answer and what failed. */
    public record Result(String requestId, long epoch, NetworkInference inference, SortedMap<String, Double> answers,
            SortedMap<String, String> failures) {
    }

    public Uni<Result> infer(TopicRuntime topic, double[] window, Long epoch, String requestId) {
        String id = requestId == null ? UUID.randomUUID().toString() : requestId;
        long e = topic.epochFor(epoch);
        ForecastContext ctx = new ForecastContext(e, window, topic.params().season());
        TopicState state = topic.state();
        List<WorkerEndpoint> all = topic.routable();
        if (all.stream().noneMatch(w -> !w.forecaster())) {
            throw Problem.unavailable("topic '" + topic.name() + "' has no inferers registered");
        }
        topic.started();
        List<Uni<WorkerClient.Outcome<WorkerClient.Signed>>> asks = new ArrayList<>();
        List<Uni<WorkerClient.Outcome<SortedMap<String, Double>>>> forecasts = new ArrayList<>();
        Buffer body = WorkerClient.encode(ctx, id);
        for (WorkerEndpoint w : all) {
            if (!w.forecaster()) {
                asks.add(WorkerClient.Outcome.of(w.name(), workers.signedForecast(w, body, ctx, id)));
            } else if (!state.recentLosses().isEmpty()) {
                SortedMap<String, List<Double>> history = new TreeMap<>(state.recentLosses());
                forecasts.add(WorkerClient.Outcome.of(w.name(), workers.predictLosses(w, ctx, id, history)));
            }
        }
        Uni<List<WorkerClient.Outcome<SortedMap<String, Double>>>> allForecasts = forecasts.isEmpty()
                ? Uni.createFrom().item(List.of())
                : Uni.join().all(forecasts).andFailFast();
        return Uni.combine().all().unis(Uni.join().all(asks).andFailFast(), allForecasts).asTuple()
                .map(t -> synthesize(topic, state, ctx, id, e, t.getItem1(), t.getItem2()))
                .eventually(topic::finished);
    }

    private Result synthesize(TopicRuntime topic, TopicState state, ForecastContext ctx, String id, long epoch,
            List<WorkerClient.Outcome<WorkerClient.Signed>> asks,
            List<WorkerClient.Outcome<SortedMap<String, Double>>> fcs) {
        SortedMap<String, Double> answers = new TreeMap<>();
        SortedMap<String, Receipt> receipts = new TreeMap<>();
        asks.stream().filter(o -> o.failure() == null).forEach(o -> {
            answers.put(o.worker(), o.value().value());
            if (o.value().receipt() != null) {
                receipts.put(o.worker(), o.value().receipt());
            }
        });
        SortedMap<String, SortedMap<String, Double>> predicted = new TreeMap<>();
        fcs.stream().filter(o -> o.failure() == null).forEach(o -> predicted.put(o.worker(), o.value()));
        SortedMap<String, String> failures = new TreeMap<>(WorkerClient.failures(asks));
        failures.putAll(WorkerClient.failures(fcs));
        failures.keySet().forEach(w -> metrics.counter("synod_gateway_worker_failures_total", "topic", topic.name(),
                "worker", w).increment());
        if (answers.isEmpty()) {
            metrics.counter("synod_gateway_unanswered_total", "topic", topic.name()).increment();
            throw Problem.unavailable("no worker of topic '" + topic.name() + "' answered: " + failures);
        }
        NetworkInference inference = Synthesizer.infer(topic.params(), state, ctx.lag(1), answers, predicted);
        // Keyed by topic so that one topic's records stay in order on one partition. The emitter only queues the
        // record: the Kafka connector calls the producer on its own sending thread, so a send that blocks
        // (metadata, a full buffer) never holds the event loop, and no thread of ours is woken per request.
        InferenceRecord record = new InferenceRecord(id, topic.name(), epoch, Instant.now().toString(), inference,
                failures, new InferenceRecord.Context(ctx.step(), ctx.season(), ctx.window()), receipts);
        records.send(KafkaRecord.of(record.topic(), record));
        metrics.counter("synod_gateway_inferences_total", "topic", topic.name()).increment();
        return new Result(id, epoch, inference, answers, failures);
    }
}
