package network.synod.payouts.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import network.synod.payouts.config.PayoutsConfig;

/**
 * Creates the schema at start (idempotently, under an advisory lock so that replicas starting together do not
 * race) and seeds the emission parameters from configuration the first time.
 */
@ApplicationScoped
public class Schema {

    private static final long SCHEMA_LOCK = 0x5359_4e4f_4450_4159L;

    void onStart(@Observes @Priority(1) StartupEvent event, Pool pool, PayoutsConfig config) {
        String ddl = read("/schema.sql");
        PayoutsConfig.Emission e = config.emission();
        pool.withTransaction(c -> c.preparedQuery("SELECT pg_advisory_xact_lock($1)").execute(Tuple.of(SCHEMA_LOCK))
                .chain(() -> c.query("SET LOCAL client_min_messages = warning").execute())
                .chain(() -> c.query(ddl).execute())
                .chain(() -> c.preparedQuery("INSERT INTO emission_parameters "
                        + "(id, per_epoch, halving_every_epochs, cap, validators_bps, topic_owner_bps) "
                        + "VALUES (1, $1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING")
                        .execute(Tuple.of(e.perEpoch(), e.halvingEveryEpochs(), e.cap(), e.validatorsBps(),
                                e.topicOwnerBps()))))
                .await().indefinitely();
    }

    private static String read(String resource) {
        try (InputStream in = Schema.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
