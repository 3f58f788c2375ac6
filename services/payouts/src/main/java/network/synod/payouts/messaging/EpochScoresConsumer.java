package network.synod.payouts.messaging;

import java.time.Duration;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import network.synod.core.events.EpochScoresEvent;
import network.synod.core.refusal.Refusal;
import network.synod.payouts.settlement.SettlementService;

/**
 * Settles every (topic, epoch) published on {@code synod.epoch-scores}. The offset is committed only after the
 * settlement transaction has committed, so a crash means redelivery, and redelivery means the settlements inbox
 * answers "already settled". A message that can never be settled (malformed) is logged and skipped; a database
 * failure is retried, and if it persists the channel fails (health goes DOWN) rather than skip a payment.
 */
@ApplicationScoped
public class EpochScoresConsumer {

    private static final Logger LOG = Logger.getLogger(EpochScoresConsumer.class);

    private final SettlementService settlement;
    private final ObjectMapper json;

    public EpochScoresConsumer(SettlementService settlement, ObjectMapper json) {
        this.settlement = settlement;
        this.json = json;
    }

    @Incoming("epoch-scores")
    public Uni<Void> consume(String value) {
        EpochScoresEvent scores;
        try {
            scores = json.readValue(value, EpochScoresEvent.class);
        } catch (Exception e) {
            LOG.warnf("skipping malformed epoch scores: %s", e.getMessage());
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom()
                .deferred(() -> settlement.settle(scores))
                .invoke(r -> LOG.infof(
                        "%s epoch %d: %s (pot %d)",
                        r.topic(), r.epoch(), r.alreadySettled() ? "already settled" : "settled", r.pot()))
                .replaceWithVoid()
                .onFailure(Refusal.class)
                .recoverWithItem(e -> {
                    LOG.warnf("skipping unsettleable epoch scores: %s", e.getMessage());
                    return null;
                })
                .onFailure()
                .retry()
                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5))
                .atMost(30);
    }
}
