package network.synod.worker;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** A saved model whose digest is not the configured one is never loaded, and every call says why. */
@QuarkusTest
@TestProfile(KindProfiles.WrongDigest.class)
class WrongDigestQuarkusTest {

    @Test
    void refusesToLoadAndIsNotReady() throws InterruptedException {
        Awaitility.await("the loader to fail")
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> given().get("/v2/health/ready").asString().contains("failed to load"));
        given().get("/v2/health/ready")
                .then()
                .statusCode(503)
                .body("error", containsString("sha256"))
                .body("error", containsString("ab".repeat(32)));
        given().get("/v2/health/live").then().statusCode(200).body("live", equalTo(true));
        given().get("/v2/models/model/ready").then().statusCode(503).body("error", containsString("refusing to load"));
        given().get("/v2/models/model").then().statusCode(503);
        Oip.post("model", Oip.windowRequest(new double[] {1, 2}, 2, 12))
                .then()
                .statusCode(503)
                .body("error", containsString("failed to load"));
        given().get("/q/health/ready").then().statusCode(503);
    }
}
