package network.synod.scoring.closing;

import java.util.List;
import java.util.Map;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

import network.synod.core.events.EpochScoresEvent;
import network.synod.core.events.EpochScoresEvent.ParticipantScore;
import network.synod.core.events.WeightUpdate;

/** Publishes a closed epoch's new state on {@code synod.weights} and its scores on {@code synod.epoch-scores}. */
@ApplicationScoped
public class ScoringPublisher {

    private static final Logger LOG = Logger.getLogger(ScoringPublisher.class);

    @Inject
    @Channel("weights")
    MutinyEmitter<Record<String, WeightUpdate>> weights;

    @Inject
    @Channel("epoch-scores")
    MutinyEmitter<Record<String, EpochScoresEvent>> scores;

    /**
     * Never fails: the epoch is already committed, so a send failure is logged rather than turned into an
     * error answer for a report that did count.
     */
    Uni<Void> publish(ClosedEpoch closed) {
        WeightUpdate update =
                new WeightUpdate(closed.topic(), closed.epoch(), closed.scored().next());
        return weights.send(Record.of(closed.topic(), update))
                .chain(() -> scores.send(Record.of(closed.topic() + ":" + closed.epoch(), event(closed))))
                .onFailure()
                .recoverWithItem(e -> {
                    LOG.errorf(
                            e, "closed epoch %d of topic %s but could not publish it", closed.epoch(), closed.topic());
                    return null;
                });
    }

    static EpochScoresEvent event(ClosedEpoch closed) {
        var s = closed.scored();
        List<ParticipantScore> reputers = closed.reputers().stream()
                .map(r -> new ParticipantScore(r.id(), r.score()))
                .toList();
        return new EpochScoresEvent(
                closed.topic(),
                closed.epoch(),
                sorted(s.scores().inferers()),
                sorted(s.scores().forecasters()),
                reputers,
                s.losses().combined(),
                s.losses().naive());
    }

    /** The maps are SortedMaps, so entry order is already ascending by id. */
    private static List<ParticipantScore> sorted(Map<String, Double> scores) {
        return scores.entrySet().stream()
                .map(e -> new ParticipantScore(e.getKey(), e.getValue()))
                .toList();
    }
}
