package network.synod.scoring;

import java.net.URI;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import network.synod.web.testing.ProblemContract;

/** The bad-request table every service answers the same way (see {@link ProblemContract}). */
@QuarkusTest
class ProblemContractTest extends ProblemContract {

    @TestHTTPResource("/")
    URI base;

    @Override
    protected URI base() {
        return base;
    }

    @Override
    protected Endpoint write() {
        return new Endpoint("PUT", "/v1/admin/topics/contract", "{\"alpha\": \"abc\"}", "{\"lossFunction\": \"hinge\"}");
    }

    @Override
    protected String unknownResource() {
        return "/v1/no-such-thing";
    }
}
