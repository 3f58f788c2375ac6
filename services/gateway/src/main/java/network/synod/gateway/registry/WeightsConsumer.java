package network.synod.gateway.registry;

import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import network.synod.core.events.WeightUpdate;
import network.synod.web.events.EventReader;

/** Applies the learnt state scoring publishes after each closed epoch; the next inference uses it. */
@ApplicationScoped
public class WeightsConsumer {

    @Inject
    Topics topics;

    @Inject
    EventReader events;

    @Inject
    MeterRegistry metrics;

    @Incoming("weights")
    public void apply(String payload) {
        Optional<WeightUpdate> read = events.read(payload, WeightUpdate.class);
        if (read.isEmpty()) {
            // Logged by the reader and skipped, so that it does not stall the stream; counted for the operator.
            metrics.counter("synod_gateway_weight_updates_rejected_total").increment();
            return;
        }
        WeightUpdate update = read.get();
        TopicRuntime t = topics.find(update.topic());
        if (t != null && t.applyState(update.epoch(), update.state())) {
            metrics.counter("synod_gateway_weight_updates_total", "topic", update.topic())
                    .increment();
        }
    }
}
