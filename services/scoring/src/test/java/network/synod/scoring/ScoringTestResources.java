package network.synod.scoring;

import io.quarkus.test.common.QuarkusTestResource;

import network.synod.embedded.KafkaTestResource;
import network.synod.embedded.PostgresTestResource;

/**
 * Declares the real PostgreSQL and Kafka broker once for every {@code @QuarkusTest} of the module, so the
 * application starts once for all of them.
 */
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
public final class ScoringTestResources {

    private ScoringTestResources() {}
}
