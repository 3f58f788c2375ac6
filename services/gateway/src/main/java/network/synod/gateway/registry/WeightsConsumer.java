package network.synod.gateway.registry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import network.synod.core.events.SchemaVersions;
import network.synod.core.events.WeightUpdate;

/** Applies the learnt state scoring publishes after each closed epoch; the next inference uses it. */
@ApplicationScoped
public class WeightsConsumer {

    private static final Logger LOG = Logger.getLogger(WeightsConsumer.class);

    @Inject
    Topics topics;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry metrics;

    @Incoming("weights")
    public void apply(String payload) {
        WeightUpdate update;
        try {
            update = json.readValue(payload, WeightUpdate.class);
            SchemaVersions.requireKnown("weight update", update.schemaVersion(), WeightUpdate.SCHEMA_VERSION);
        } catch (Exception e) {
            // A record we cannot read must not stall the stream; it is counted and logged, not retried forever.
            metrics.counter("synod_gateway_weight_updates_rejected_total").increment();
            LOG.warnf("ignoring an unreadable weight update: %s", e.getMessage());
            return;
        }
        TopicRuntime t = topics.find(update.topic());
        if (t != null && t.applyState(update.epoch(), update.state())) {
            metrics.counter("synod_gateway_weight_updates_total", "topic", update.topic())
                    .increment();
        }
    }
}
