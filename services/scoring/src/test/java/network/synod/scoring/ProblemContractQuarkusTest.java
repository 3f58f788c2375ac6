package network.synod.scoring;

import io.quarkus.test.junit.QuarkusTest;

import network.synod.web.testing.ProblemContract;

/** The bad-request table every service answers the same way (see {@link ProblemContract}). */
@QuarkusTest
class ProblemContractQuarkusTest extends ProblemContract {

    @Override
    protected Endpoint write() {
        return new Endpoint(
                "PUT", "/v1/admin/topics/contract", "{\"alpha\": \"abc\"}", "{\"lossFunction\": \"hinge\"}");
    }
}
