package network.synod.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import network.synod.embedded.KafkaTestResource;
import network.synod.embedded.PostgresTestResource;
import network.synod.web.testing.ProblemContract;

/** The bad-request table every service answers the same way (see {@link ProblemContract}). */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
class ProblemContractQuarkusTest extends ProblemContract {

    @Override
    protected Endpoint write() {
        return new Endpoint("PUT", "/v1/admin/topics/contract", "{\"alpha\": \"abc\"}", "{\"mode\": \"magic\"}");
    }
}
