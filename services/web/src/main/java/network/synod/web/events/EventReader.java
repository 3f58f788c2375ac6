package network.synod.web.events;

import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logging.Logger;

import network.synod.core.events.SchemaVersions;
import network.synod.core.events.Versioned;

/**
 * Reads a record of Synod's Kafka topics (the contracts of {@code core.events}) the one way every consumer does: with
 * the service's ObjectMapper, refusing a schema version newer than this build knows. A record that cannot be acted on
 * is logged and skipped, never retried: redelivering it would never help, and it must not stall the stream.
 */
@ApplicationScoped
public class EventReader {

    private static final Logger LOG = Logger.getLogger(EventReader.class);

    private final ObjectMapper json;

    public EventReader(ObjectMapper json) {
        this.json = json;
    }

    /** The record in {@code payload}; empty (and logged) when it is unreadable, not a record, or too new. */
    public <T extends Versioned> Optional<T> read(String payload, Class<T> type) {
        try {
            T record = json.readValue(payload, type);
            if (record == null) {
                LOG.warnf("skipping a %s that is JSON null", type.getSimpleName());
                return Optional.empty();
            }
            SchemaVersions.requireKnown(record);
            return Optional.of(record);
        } catch (Exception e) {
            LOG.warnf("skipping an unreadable %s: %s", type.getSimpleName(), e.getMessage());
            return Optional.empty();
        }
    }
}
