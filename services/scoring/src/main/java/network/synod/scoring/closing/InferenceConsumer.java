package network.synod.scoring.closing;

import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import network.synod.core.events.InferenceRecord;
import network.synod.web.events.EventReader;

/** Consumes the gateway's {@code synod.inferences} and hands each record to the {@link EpochCloser}. */
@ApplicationScoped
public class InferenceConsumer {

    private static final Logger LOG = Logger.getLogger(InferenceConsumer.class);

    @Inject
    EventReader events;

    @Inject
    EpochCloser closer;

    /**
     * An unreadable record is logged and skipped, since redelivering it would never help; a database
     * failure fails the stream instead, so the offset is not committed and health reports the consumer down.
     */
    @Incoming("inferences")
    public Uni<Void> consume(String payload) {
        Optional<InferenceRecord> read = events.read(payload, InferenceRecord.class);
        if (read.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        InferenceRecord record = read.get();
        if (record.topic() == null || record.inference() == null) {
            LOG.warnf("skipping an inference record without topic or inference: %s", payload);
            return Uni.createFrom().voidItem();
        }
        return closer.record(record, payload);
    }
}
