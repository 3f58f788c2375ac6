package network.synod.payouts.messaging;

import java.time.Duration;
import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import network.synod.core.events.FraudEvent;
import network.synod.core.refusal.Refusal;
import network.synod.payouts.slashing.SlashingService;
import network.synod.web.events.EventReader;

/** Applies every fraud event published on {@code synod.fraud-events} once (the slashes inbox absorbs redelivery). */
@ApplicationScoped
public class FraudEventsConsumer {

    private static final Logger LOG = Logger.getLogger(FraudEventsConsumer.class);

    private final SlashingService slashing;
    private final EventReader events;

    public FraudEventsConsumer(SlashingService slashing, EventReader events) {
        this.slashing = slashing;
        this.events = events;
    }

    @Incoming("fraud-events")
    public Uni<Void> consume(String value) {
        Optional<FraudEvent> read = events.read(value, FraudEvent.class);
        if (read.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        FraudEvent event = read.get();
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
