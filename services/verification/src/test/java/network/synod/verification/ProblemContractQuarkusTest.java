package network.synod.verification;

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
        return new Endpoint(
                "PUT",
                "/v1/admin/verifiers/sha256-contract",
                "{\"absolute\": \"abc\"}",
                "{\"url\": \"http://127.0.0.1:1\", \"mode\": \"magic\"}");
    }
}
