package network.synod.worker;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;

import network.synod.core.events.InferRequest;
import network.synod.web.testing.OipConformance;

/** A worker (the default kind, {@code last}) passes web's OIP conformance table. */
@QuarkusTest
class OipConformanceQuarkusTest extends OipConformance {

    @BeforeEach
    void ready() {
        Oip.awaitReady();
    }

    @Override
    protected String model() {
        return "model";
    }

    @Override
    protected ObjectNode validRequest() {
        return JSON.valueToTree(InferRequest.forWindow("r", 5, 0, new double[] {1, 2, 3, 5, 8}, null));
    }

    @Override
    protected String input() {
        return "window";
    }

    @Override
    protected List<String> outputs() {
        return List.of("forecast");
    }
}
