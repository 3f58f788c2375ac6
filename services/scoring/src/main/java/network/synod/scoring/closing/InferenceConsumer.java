package network.synod.scoring.closing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import network.synod.core.events.InferenceRecord;
import network.synod.core.events.SchemaVersions;

/** Consumes the gateway's {@code synod.inferences} and hands each record to the {@link EpochCloser}. */
@ApplicationScoped
public class InferenceConsumer {

    private static final Logger LOG = Logger.getLogger(InferenceConsumer.class);

    @Inject
    JsonCodec json;

    @Inject
    EpochCloser closer;

    /**
     * An unreadable record is logged and skipped, since redelivering it would never help; a database
     * failure fails the stream instead, so the offset is not committed and health reports the consumer down.
     */
    @Incoming("inferences")
    public Uni<Void> consume(String payload) {
        InferenceRecord record;
        try {
            record = json.read(payload, InferenceRecord.class);
            SchemaVersions.requireKnown("inference record", record.schemaVersion(), InferenceRecord.SCHEMA_VERSION);
        } catch (RuntimeException e) {
            LOG.warnf("skipping an unreadable inference record: %s", e.getMessage());
            return Uni.createFrom().voidItem();
        }
        if (record == null || record.topic() == null || record.inference() == null) {
            LOG.warnf("skipping an inference record without topic or inference: %s", payload);
            return Uni.createFrom().voidItem();
        }
        return closer.record(record, payload);
    }
}
