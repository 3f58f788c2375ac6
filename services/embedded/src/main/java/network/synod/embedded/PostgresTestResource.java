package network.synod.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Starts a private, real PostgreSQL for a {@code @QuarkusTest} and points the reactive datasource at it. */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private LocalPostgres postgres;

    @Override
    public Map<String, String> start() {
        try {
            postgres = LocalPostgres.startEphemeral();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "quarkus.datasource.reactive.url",
                postgres.reactiveUrl(),
                "quarkus.datasource.username",
                LocalPostgres.USER,
                "quarkus.datasource.password",
                "unused");
    }

    @Override
    public void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }
}
