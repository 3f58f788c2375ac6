package network.synod.payouts.messaging;

import java.time.Duration;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import network.synod.core.events.FraudEvent;
import network.synod.core.refusal.Refusal;
import network.synod.payouts.slashing.SlashingService;

/** Applies every fraud event published on {@code synod.fraud-events} once (the slashes inbox absorbs redelivery). */
@ApplicationScoped
public class FraudEventsConsumer {

    private static final Logger LOG = Logger.getLogger(FraudEventsConsumer.class);

    private final SlashingService slashing;
    private final ObjectMapper json;

    public FraudEventsConsumer(SlashingService slashing, ObjectMapper json) {
        this.slashing = slashing;
        this.json = json;
    }

    @Incoming("fraud-events")
    public Uni<Void> consume(String value) {
        FraudEvent event;
        try {
            event = json.readValue(value, FraudEvent.class);
        } catch (Exception e) {
            LOG.warnf("skipping malformed fraud event: %s", e.getMessage());
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom()
                .deferred(() -> slashing.slash(event))
                .invoke(r -> LOG.infof(
                        "fraud event %s: %s, slashed %d",
                        r.eventId(), r.alreadyApplied() ? "already applied" : "applied", r.slashed()))
                .replaceWithVoid()
                .onFailure(Refusal.class)
                .recoverWithItem(e -> {
                    LOG.warnf("skipping invalid fraud event: %s", e.getMessage());
                    return null;
                })
                .onFailure()
                .retry()
                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5))
                .atMost(30);
    }
}
