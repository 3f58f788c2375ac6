package network.synod.payouts.ledger;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import network.synod.payouts.config.PayoutsConfig;

/**
 * Seeds the emission parameters from configuration the first time the service starts on a database: they are data
 * that depends on configuration, so the migrations (db/migration, run before startup observers) make the table and
 * this fills its one row. Replicas starting together are harmless: the row is inserted once, the others do nothing.
 */
@ApplicationScoped
public class EmissionSeed {

    void onStart(@Observes @Priority(1) StartupEvent event, Pool pool, PayoutsConfig config) {
        PayoutsConfig.Emission e = config.emission();
        pool.preparedQuery("INSERT INTO emission_parameters "
                        + "(id, per_epoch, halving_every_epochs, cap, validators_bps, topic_owner_bps) "
                        + "VALUES (1, $1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING")
                .execute(Tuple.of(e.perEpoch(), e.halvingEveryEpochs(), e.cap(), e.validatorsBps(), e.topicOwnerBps()))
                .await()
                .indefinitely();
    }
}
