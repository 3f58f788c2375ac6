package network.synod.gateway.quarantine;

import java.util.Map;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import network.synod.core.events.QuarantineOrder;
import network.synod.core.events.SchemaVersions;
import network.synod.gateway.registry.TopicRuntime;
import network.synod.gateway.registry.Topics;

/**
 * Workers the gateway stops routing to: put there by an admin or by the verification service (Kafka
 * {@code synod.quarantine}, a {@link QuarantineOrder}), lifted only by an admin. Kept in
 * PostgreSQL so a restarted gateway still skips them.
 */
@ApplicationScoped
public class Quarantines {

    private static final Logger LOG = Logger.getLogger(Quarantines.class);

    @Inject
    Pool pool;

    @Inject
    Topics topics;

    @Inject
    ObjectMapper json;

    // After Topics has loaded the topics (its observer has the default priority).
    void load(@Observes @Priority(3000) StartupEvent start) {
        pool.query("select topic, worker, reason from gateway_quarantine")
                .execute()
                .await()
                .indefinitely()
                .forEach((Row r) -> apply(r.getString("topic"), r.getString("worker"), r.getString("reason")));
    }

    public Uni<Void> quarantine(String topic, String worker, String reason) {
        return pool.preparedQuery("insert into gateway_quarantine (topic, worker, reason) values ($1, $2, $3) "
                        + "on conflict (topic, worker) do update set reason = excluded.reason")
                .execute(Tuple.of(topic, worker, reason == null ? "" : reason))
                .invoke(() -> apply(topic, worker, reason))
                .replaceWithVoid();
    }

    public Uni<Boolean> release(String topic, String worker) {
        return pool.preparedQuery("delete from gateway_quarantine where topic = $1 and worker = $2")
                .execute(Tuple.of(topic, worker))
                .map(r -> {
                    TopicRuntime t = topics.find(topic);
                    boolean inMemory = t != null && t.release(worker);
                    return r.rowCount() > 0 || inMemory;
                });
    }

    @Incoming("quarantine")
    public Uni<Void> onOrder(String message) {
        QuarantineOrder o;
        try {
            o = json.readValue(message, QuarantineOrder.class);
            SchemaVersions.requireKnown("quarantine order", o.schemaVersion(), QuarantineOrder.SCHEMA_VERSION);
        } catch (Exception e) {
            LOG.warnf("skipping an unreadable quarantine order (%s): %s", e.getMessage(), message);
            return Uni.createFrom().voidItem();
        }
        if (o.topic() == null || o.worker() == null) {
            LOG.warnf("skipping a quarantine order without topic or worker: %s", message);
            return Uni.createFrom().voidItem();
        }
        LOG.infof("quarantining worker %s of topic %s: %s", o.worker(), o.topic(), o.reason());
        return quarantine(
                o.topic(),
                o.worker(),
                (o.reason() == null ? "" : o.reason())
                        + (o.verdictId() == null ? "" : " (verdict " + o.verdictId() + ")"));
    }

    private void apply(String topic, String worker, String reason) {
        // Applied in memory every time; a topic created later picks it up from the table at the next start.
        TopicRuntime t = topics.find(topic);
        if (t != null) {
            t.quarantine(worker, reason);
        }
    }

    public Map<String, String> of(String topic) {
        return topics.require(topic).quarantined();
    }
}
