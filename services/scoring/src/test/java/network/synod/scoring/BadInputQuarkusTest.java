package network.synod.scoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every refused request answers a 4xx problem body and leaves the database exactly as it was. */
@QuarkusTest
class BadInputQuarkusTest {

    private static final String TOPIC = "bad-input";
    private static final String TRUTH = "/v1/topics/" + TOPIC + "/ground-truth";
    private static final String ADMIN_TOPIC = "/v1/admin/topics/" + TOPIC;

    @Inject
    Pool pool;

    @BeforeEach
    void topicWithOneReport() {
        given().header("Authorization", Fixtures.ADMIN)
                .contentType(ContentType.JSON)
                .body("{}")
                .put(ADMIN_TOPIC)
                .then()
                .statusCode(200);
        // A pending report to conflict with; repeating it is idempotent, so this is safe before every test.
        reputer()
                .body(Map.of("epoch", 7, "value", 1.5))
                .post(TRUTH)
                .then()
                .statusCode(200)
                .body("status", equalTo("pending"));
    }

    @Test
    void malformedJson() {
        refused(400, () -> reputer().body("{\"epoch\": 1,").post(TRUTH).then());
        refused(
                400,
                () -> reputer()
                        .body("{\"epoch\": 1, \"value\": \"abc\"}")
                        .post(TRUTH)
                        .then());
        refused(400, () -> admin().body("{\"alpha\": ").put(ADMIN_TOPIC).then());
    }

    @Test
    void nonFiniteValues() {
        refused(
                400,
                () -> reputer()
                        .body("{\"epoch\": 1, \"value\": NaN}")
                        .post(TRUTH)
                        .then());
        refused(
                400,
                () -> reputer()
                        .body("{\"epoch\": 1, \"value\": Infinity}")
                        .post(TRUTH)
                        .then());
        refused(
                400,
                () -> reputer()
                        .body("{\"epoch\": 1, \"value\": -Infinity}")
                        .post(TRUTH)
                        .then());
        refused(
                400,
                () -> reputer()
                        .body("{\"epoch\": 1, \"value\": \"NaN\"}")
                        .post(TRUTH)
                        .then());
    }

    @Test
    void missingFields() {
        refused(400, () -> reputer().body("{\"epoch\": 1}").post(TRUTH).then());
        refused(400, () -> reputer().body("{\"value\": 1.0}").post(TRUTH).then());
        refused(400, () -> reputer().body("{}").post(TRUTH).then());
        refused(
                400,
                () -> reputer()
                        .body("{\"epoch\": -1, \"value\": 1.0}")
                        .post(TRUTH)
                        .then());
    }

    @Test
    void unknownTopic() {
        refused(
                404,
                () -> reputer()
                        .body(Map.of("epoch", 1, "value", 1.0))
                        .post("/v1/topics/nope/ground-truth")
                        .then());
        refused(404, () -> given().get("/v1/topics/nope").then());
        refused(404, () -> given().get("/v1/topics/nope/state").then());
        refused(404, () -> given().get("/v1/topics/" + TOPIC + "/epochs/7").then());
    }

    @Test
    void oversizeBody() {
        String padding = "x".repeat(1_100_000);
        refused(
                413,
                () -> reputer()
                        .body("{\"epoch\": 1, \"value\": 1.0, \"pad\": \"" + padding + "\"}")
                        .post(TRUTH)
                        .then());
    }

    @Test
    void credentials() {
        refused(
                401,
                () -> given().contentType(ContentType.JSON)
                        .body(Map.of("epoch", 1, "value", 1.0))
                        .post(TRUTH)
                        .then());
        refused(
                401,
                () -> given().header("Authorization", "Bearer wrong")
                        .contentType(ContentType.JSON)
                        .body(Map.of("epoch", 1, "value", 1.0))
                        .post(TRUTH)
                        .then());
        // Credentials are checked before the body: a bad body without a token is still a 401.
        refused(
                401,
                () -> given().contentType(ContentType.JSON)
                        .body("{oops")
                        .post(TRUTH)
                        .then());
        refused(
                403,
                () -> admin().body(Map.of("epoch", 1, "value", 1.0)).post(TRUTH).then());
        refused(403, () -> reputer().body("{}").put(ADMIN_TOPIC).then());
        refused(403, () -> reputer().delete(ADMIN_TOPIC).then());
        refused(401, () -> given().delete(ADMIN_TOPIC).then());
    }

    @Test
    void invalidSpecs() {
        refused(400, () -> admin().body(Map.of("alpha", 2.0)).put(ADMIN_TOPIC).then());
        refused(
                400,
                () -> admin().body(Map.of("lossFunction", "hinge"))
                        .put(ADMIN_TOPIC)
                        .then());
        refused(
                400,
                () -> admin().body(Map.of("mode", "magic")).put(ADMIN_TOPIC).then());
        refused(
                400,
                () -> admin().body(Map.of("reputerQuorum", 0)).put(ADMIN_TOPIC).then());
        refused(400, () -> admin().body("{}").put("/v1/admin/topics/Bad_Name").then());
        refused(
                400,
                () -> admin().body("{}").put("/v1/admin/topics/-leading-dash").then());
    }

    @Test
    void changedReportConflicts() {
        refused(
                409,
                () -> reputer()
                        .body(Map.of("epoch", 7, "value", 2.5))
                        .post(TRUTH)
                        .then());
    }

    /** Runs the request between two snapshots: a problem body with that status, and no change in the database. */
    private void refused(int status, Supplier<ValidatableResponse> request) {
        List<String> before = DbSnapshot.take(pool);
        request.get()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("title", notNullValue())
                .body("type", notNullValue());
        assertEquals(before, DbSnapshot.take(pool), "the database changed");
    }

    private RequestSpecification reputer() {
        return given().header("Authorization", Fixtures.REPUTER).contentType(ContentType.JSON);
    }

    private RequestSpecification admin() {
        return given().header("Authorization", Fixtures.ADMIN).contentType(ContentType.JSON);
    }
}
