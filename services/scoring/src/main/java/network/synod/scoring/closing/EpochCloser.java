package network.synod.scoring.closing;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import org.jboss.logging.Logger;

import network.synod.core.events.InferenceRecord;
import network.synod.core.events.TopicSpec;
import network.synod.core.refusal.Refusal;
import network.synod.core.synthesis.Synthesizer;
import network.synod.core.synthesis.TopicParams;
import network.synod.core.synthesis.TopicState;
import network.synod.scoring.store.EpochEntity;
import network.synod.scoring.store.InferenceRecordEntity;
import network.synod.scoring.store.TopicEntity;
import network.synod.scoring.store.TruthReportEntity;

/**
 * Records truths and inference records and closes an epoch once it has both a quorum of truths and its
 * record. Every change locks the topic's row first, so two truths or a truth and a record arriving together
 * cannot both close the same epoch or fork the topic's state; the closed epoch and the new state commit
 * together, and only then are they published.
 */
@ApplicationScoped
public class EpochCloser {

    private static final Logger LOG = Logger.getLogger(EpochCloser.class);

    @Inject
    JsonCodec json;

    @Inject
    ScoringPublisher publisher;

    private final Counter closedCounter;
    private final Timer closingLatency;

    @Inject
    public EpochCloser(MeterRegistry registry) {
        this.closedCounter = Counter.builder("synod.scoring.epochs.closed")
                .description("epochs closed, all topics")
                .register(registry);
        this.closingLatency = Timer.builder("synod.scoring.closing.latency")
                .description("from receiving the input that closes an epoch to publishing it")
                .register(registry);
    }

    /** The result of one locked step: what to answer, and the epoch it closed, if any. */
    private record Step(TruthOutcome outcome, ClosedEpoch closed) {}

    /**
     * Records {@code reputer}'s truth for an epoch and closes the epoch if it is now ready. Reporting the
     * same value again answers the stored result; a different value, a report for an epoch closed without
     * this reputer, or one older than the latest closed epoch is refused with 409 and changes nothing.
     */
    public Uni<TruthOutcome> report(String topic, long epoch, String reputer, double value) {
        long started = System.nanoTime();
        return Panache.withTransaction(() -> lockTopic(topic)
                        .chain(t -> TruthReportEntity.<TruthReportEntity>find(
                                        "topic = ?1 and epoch = ?2 and reputer = ?3", topic, epoch, reputer)
                                .firstResult()
                                .chain(mine -> mine != null
                                        ? repeated(t, epoch, mine, value)
                                        : fresh(t, epoch, reputer, value))))
                .call(step -> published(step, started))
                .map(Step::outcome);
    }

    /**
     * Stores the first inference record of its (topic, epoch) and closes the epoch if its truths are already
     * in; a redelivered or later record for the same epoch changes nothing. A record for an unknown topic is
     * skipped, since nothing could ever score it.
     */
    public Uni<Void> record(InferenceRecord record, String raw) {
        long started = System.nanoTime();
        return Panache.withTransaction(() -> TopicEntity.<TopicEntity>findById(
                                record.topic(), LockModeType.PESSIMISTIC_WRITE)
                        .chain(t -> {
                            if (t == null) {
                                LOG.warnf(
                                        "skipping inference record of unknown topic %s, epoch %d",
                                        record.topic(), record.epoch());
                                return Uni.createFrom().item(new Step(TruthOutcome.pending(record.epoch()), null));
                            }
                            return InferenceRecordEntity.count("topic = ?1 and epoch = ?2", t.name, record.epoch())
                                    .chain(n -> n > 0
                                            ? Uni.createFrom()
                                                    .item(new Step(TruthOutcome.pending(record.epoch()), null))
                                            : storeRecord(t, record, raw));
                        }))
                .call(step -> published(step, started))
                .replaceWithVoid();
    }

    private Uni<Step> storeRecord(TopicEntity t, InferenceRecord record, String raw) {
        InferenceRecordEntity e = new InferenceRecordEntity();
        e.topic = t.name;
        e.epoch = record.epoch();
        e.record = raw;
        e.receivedAt = Instant.now();
        return e.persistAndFlush()
                .chain(() -> closeIfReady(t, record.epoch()))
                // A record whose truths cannot be scored (say a log-loss truth outside [0,1] that predates
                // validation) must not stop the consumer: the record stays stored and the epoch open.
                .onFailure(IllegalArgumentException.class)
                .recoverWithItem(err -> {
                    LOG.errorf("epoch %d of topic %s cannot be closed: %s", record.epoch(), t.name, err.getMessage());
                    return new Step(TruthOutcome.pending(record.epoch()), null);
                });
    }

    private Uni<Step> repeated(TopicEntity t, long epoch, TruthReportEntity mine, double value) {
        if (Double.compare(mine.value, value) != 0) {
            throw Refusal.conflict("reputer " + mine.reputer + " already reported " + mine.value + " for epoch " + epoch
                    + "; a report cannot be changed");
        }
        return EpochEntity.<EpochEntity>find("topic = ?1 and epoch = ?2", t.name, epoch)
                .firstResult()
                .map(closed -> new Step(
                        closed == null
                                ? TruthOutcome.pending(epoch)
                                : TruthOutcome.closed(epoch, closed.networkLoss, closed.consensus),
                        null));
    }

    private Uni<Step> fresh(TopicEntity t, long epoch, String reputer, double value) {
        if (t.latestEpoch != null && epoch <= t.latestEpoch) {
            // Either this epoch closed without this reputer, or a later one closed first; a closed epoch's
            // state is never recomputed, so the report could change nothing.
            throw Refusal.conflict("epoch " + epoch + " of topic " + t.name
                    + " is at or before the latest closed epoch " + t.latestEpoch + "; the report cannot count");
        }
        TopicParams params = spec(t).toParams();
        params.loss().of(value, value); // throws for a truth outside the loss function's domain
        TruthReportEntity report = new TruthReportEntity();
        report.topic = t.name;
        report.epoch = epoch;
        report.reputer = reputer;
        report.value = value;
        report.reportedAt = Instant.now();
        return report.persistAndFlush().chain(() -> closeIfReady(t, epoch));
    }

    private Uni<Step> closeIfReady(TopicEntity t, long epoch) {
        if (t.latestEpoch != null && epoch <= t.latestEpoch) {
            return Uni.createFrom().item(new Step(TruthOutcome.pending(epoch), null));
        }
        return TruthReportEntity.<TruthReportEntity>list("topic = ?1 and epoch = ?2 order by reputer", t.name, epoch)
                .chain(reports -> reports.size() < spec(t).quorum()
                        ? Uni.createFrom().item(new Step(TruthOutcome.pending(epoch), null))
                        : InferenceRecordEntity.<InferenceRecordEntity>find("topic = ?1 and epoch = ?2", t.name, epoch)
                                .firstResult()
                                .chain(record -> record == null
                                        ? Uni.createFrom().item(new Step(TruthOutcome.pending(epoch), null))
                                        : close(t, epoch, reports, record)));
    }

    private Uni<Step> close(TopicEntity t, long epoch, List<TruthReportEntity> reports, InferenceRecordEntity row) {
        TopicParams params = spec(t).toParams();
        TopicState state = json.read(t.state, TopicState.class);
        InferenceRecord record = json.read(row.record, InferenceRecord.class);
        List<ReputerConsensus.Report> truths = reports.stream()
                .map(r -> new ReputerConsensus.Report(r.reputer, r.value, r.weight))
                .toList();
        double consensus = ReputerConsensus.consensus(truths);
        Synthesizer.Scored scored = Synthesizer.score(params, state, record.inference(), consensus);
        List<ReputerConsensus.ReputerResult> reputers = ReputerConsensus.score(
                truths, consensus, params, record.inference().value());

        EpochEntity closed = new EpochEntity();
        closed.topic = t.name;
        closed.epoch = epoch;
        closed.consensus = consensus;
        closed.networkLoss = scored.networkLoss();
        closed.losses = json.write(scored.losses());
        closed.scores = json.write(scored.scores());
        closed.reputers = json.write(reputers);
        closed.closedAt = Instant.now();
        // The topic row is managed and locked: these changes commit with the epoch or not at all.
        t.state = json.write(scored.next());
        t.latestEpoch = epoch;
        t.latestNetworkLoss = scored.networkLoss();
        return closed.persist()
                .map(x -> new Step(
                        TruthOutcome.closed(epoch, scored.networkLoss(), consensus),
                        new ClosedEpoch(t.name, epoch, consensus, scored, reputers)));
    }

    private Uni<Void> published(Step step, long started) {
        if (step.closed() == null) {
            return Uni.createFrom().voidItem();
        }
        return publisher.publish(step.closed()).invoke(() -> {
            closedCounter.increment();
            closingLatency.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            LOG.infof(
                    "closed epoch %d of topic %s, network loss %.4f",
                    step.closed().epoch(), step.closed().topic(), step.outcome().networkLoss());
        });
    }

    private Uni<TopicEntity> lockTopic(String topic) {
        return TopicEntity.<TopicEntity>findById(topic, LockModeType.PESSIMISTIC_WRITE)
                .map(t -> {
                    if (t == null) {
                        throw Refusal.notFound("unknown topic " + topic);
                    }
                    return t;
                });
    }

    private TopicSpec spec(TopicEntity t) {
        return json.read(t.spec, TopicSpec.class);
    }
}
