package network.synod.scoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Topic registration, reads, health, metrics and the OpenAPI document. */
@QuarkusTest
class TopicApiQuarkusTest {

    @BeforeAll
    static void doubles() {
        Fixtures.readNumbersAsDoubles();
    }

    @Test
    void putNormalisesGetShowsDeleteRemoves() {
        given().header("Authorization", Fixtures.ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("lossFunction", "mae", "alpha", 0.2))
                .put("/v1/admin/topics/api-topic")
                .then()
                .statusCode(200)
                .body("lossFunction", equalTo("mae"))
                .body("alpha", equalTo(0.2))
                .body("mode", equalTo("synod"))
                .body("p", equalTo(3.0))
                .body("reputerQuorum", equalTo(1));

        given().get("/v1/topics/api-topic")
                .then()
                .statusCode(200)
                .body("topic", equalTo("api-topic"))
                .body("spec.lossFunction", equalTo("mae"))
                .body("latestEpoch", nullValue())
                .body("latestNetworkLoss", nullValue());
        given().get("/v1/topics/api-topic/state")
                .then()
                .statusCode(200)
                .body("epoch", nullValue())
                .body("state.allora.epochs", equalTo(0));

        // An empty spec resets to the defaults; the topic keeps its name and state.
        given().header("Authorization", Fixtures.ADMIN)
                .contentType(ContentType.JSON)
                .body("{}")
                .put("/v1/admin/topics/api-topic")
                .then()
                .statusCode(200)
                .body("lossFunction", equalTo("mse"));

        given().header("Authorization", Fixtures.ADMIN)
                .delete("/v1/admin/topics/api-topic")
                .then()
                .statusCode(204);
        given().get("/v1/topics/api-topic").then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", Fixtures.ADMIN)
                .delete("/v1/admin/topics/api-topic")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void healthMetricsAndOpenApiAreServed() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("synod_scoring_epochs_closed_total"))
                .body(containsString("synod_scoring_closing_latency_seconds"));
        given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body(containsString("/v1/topics/{topic}/ground-truth"));
    }
}
