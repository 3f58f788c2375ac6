package network.synod.gateway;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

import network.synod.core.events.InferRequest;
import network.synod.core.forecast.ReferenceForecasters;
import network.synod.embedded.KafkaTestResource;
import network.synod.embedded.PostgresTestResource;
import network.synod.web.testing.OipConformance;

/** The network as an OIP v2 model (each topic one model) passes web's OIP conformance table. */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
class OipConformanceQuarkusTest extends OipConformance {

    private static ReferenceWorkerServer worker;

    @BeforeEach
    void topic() throws Exception {
        if (worker == null) {
            worker = new ReferenceWorkerServer(ReferenceForecasters.byKind("last", 0), 0);
        }
        given().header("Authorization", "Bearer synod-admin")
                .contentType(ContentType.JSON)
                .body(Map.of("mode", "allora"))
                .put("/v1/admin/topics/oip")
                .then()
                .statusCode(200);
        given().header("Authorization", "Bearer synod-admin")
                .contentType(ContentType.JSON)
                .body(Map.of("url", worker.url()))
                .put("/v1/admin/topics/oip/workers/last")
                .then()
                .statusCode(200);
    }

    @AfterAll
    static void stop() {
        worker.close();
    }

    @Override
    protected String model() {
        return "oip";
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
        return List.of("forecast", "band");
    }
}
