package network.synod.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import network.synod.core.forecast.ReferenceForecasters;
import network.synod.embedded.KafkaTestResource;
import network.synod.embedded.PostgresTestResource;

/**
 * Scale to zero at the gateway: dormant workers get no requests; a request for a topic whose inferers are all
 * dormant is counted as in flight, held until one is marked active and then answered, or answered 503 with
 * Retry-After past the activation deadline.
 */
@QuarkusTest
@TestProfile(ActivationQuarkusTest.ShortDeadline.class)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
class ActivationQuarkusTest {

    /** A deadline short enough to wait out in a test, long enough to wake a worker by hand within it. */
    public static class ShortDeadline implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "synod.gateway.activation-timeout",
                    "6S",
                    "synod.gateway.activation-retry-after",
                    "3S",
                    "synod.gateway.dormant-refresh",
                    "0.5S");
        }
    }

    static final String ADMIN = "Bearer synod-admin";
    static final double[] WINDOW = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233};
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static ReferenceWorkerServer last;
    static ReferenceWorkerServer ma;

    @TestHTTPResource("/")
    URI base;

    @Inject
    Pool pool;

    @BeforeAll
    static void workers() throws Exception {
        last = new ReferenceWorkerServer(ReferenceForecasters.byKind("last", 0), 0);
        ma = new ReferenceWorkerServer(ReferenceForecasters.byKind("ma", 0), 0);
    }

    @AfterAll
    static void stop() {
        last.close();
        ma.close();
    }

    @Test
    void aHeldRequestIsAnsweredOnceAWorkerIsMarkedActive() throws Exception {
        topicWith("sleepy");
        // One of two dormant: answered at once by the other, the dormant one is not asked.
        dormant("sleepy", "ma5").then().statusCode(204);
        int maCalls = ma.calls.get();
        ask("sleepy").then().statusCode(200).body("workers", hasSize(1)).body("workers[0].id", equalTo("last"));
        assertEquals(maCalls, ma.calls.get());

        dormant("sleepy", "last").then().statusCode(204);
        given().get("/v1/topics/sleepy").then().body("dormant", equalTo(List.of("last", "ma5")));
        CompletableFuture<HttpResponse<String>> held = sendAsync("sleepy");
        // Held, and counted as demand so the operator scales up.
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> given().get("/v1/topics/sleepy").then().extract().<Integer>path("inFlight") == 1);
        assertFalse(held.isDone());

        given().header("Authorization", ADMIN)
                .delete("/v1/admin/topics/sleepy/workers/last/dormant")
                .then()
                .statusCode(204);
        HttpResponse<String> answer = held.get(10, TimeUnit.SECONDS);
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode body = JSON.readTree(answer.body());
        assertEquals(233.0, body.get("value").asDouble(), 1e-9);
        assertEquals("last", body.get("workers").get(0).get("id").asText());
        assertEquals(1, body.get("workers").size());
        given().get("/v1/topics/sleepy").then().body("inFlight", equalTo(0)).body("dormant", equalTo(List.of("ma5")));
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("synod_gateway_activation_holds_total{topic=\"sleepy\"} 1.0"), metrics);
        assertTrue(
                metrics.lines()
                        .anyMatch(l -> l.startsWith("synod_gateway_activation_hold_seconds_count")
                                && l.contains("outcome=\"activated\"")
                                && l.contains("topic=\"sleepy\"")),
                metrics);
    }

    @Test
    void aWorkerMarkedActiveThroughAnotherReplicaWakesTheRequestsHeldHere() throws Exception {
        topicWith("elsewhere");
        dormant("elsewhere", "last").then().statusCode(204);
        dormant("elsewhere", "ma5").then().statusCode(204);
        CompletableFuture<HttpResponse<String>> held = sendAsync("elsewhere");
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() ->
                        given().get("/v1/topics/elsewhere").then().extract().<Integer>path("inFlight") == 1);
        // What another gateway replica does when the operator's DELETE reaches it: the stored mark goes.
        pool.preparedQuery("delete from gateway_dormant where topic = $1 and worker = $2")
                .execute(Tuple.of("elsewhere", "ma5"))
                .await()
                .indefinitely();
        HttpResponse<String> answer = held.get(10, TimeUnit.SECONDS);
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(
                "ma5",
                JSON.readTree(answer.body()).get("workers").get(0).get("id").asText());
        given().get("/v1/topics/elsewhere").then().body("dormant", equalTo(List.of("last")));
    }

    @Test
    void aRequestNothingWakesForIsAnswered503WithRetryAfter() {
        topicWith("asleep");
        dormant("asleep", "last").then().statusCode(204);
        dormant("asleep", "ma5").then().statusCode(204);
        long start = System.nanoTime();
        ask("asleep")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "3")
                .body("detail", containsString("within 6 s"));
        assertTrue(System.nanoTime() - start >= Duration.ofSeconds(6).toNanos());
        given().get("/v1/topics/asleep").then().body("inFlight", equalTo(0));
        assertTrue(given().get("/q/metrics")
                .then()
                .extract()
                .asString()
                .lines()
                .anyMatch(l -> l.startsWith("synod_gateway_activation_hold_seconds_count")
                        && l.contains("outcome=\"timeout\"")
                        && l.contains("topic=\"asleep\"")));
    }

    @Test
    void dormantMarksNeedTheAdminRoleAndARegisteredWorker() {
        topicWith("marks");
        given().put("/v1/admin/topics/marks/workers/last/dormant").then().statusCode(401);
        dormant("marks", "nobody").then().statusCode(404);
        dormant("nowhere", "last").then().statusCode(404);
        // Marking active twice is fine; deleting a worker forgets its mark.
        dormant("marks", "last").then().statusCode(204);
        given().header("Authorization", ADMIN)
                .delete("/v1/admin/topics/marks/workers/last")
                .then()
                .statusCode(204);
        given().get("/v1/topics/marks").then().body("dormant", equalTo(List.of()));
        given().header("Authorization", ADMIN)
                .delete("/v1/admin/topics/marks/workers/ma5/dormant")
                .then()
                .statusCode(204);
        given().header("Authorization", ADMIN)
                .delete("/v1/admin/topics/marks/workers/ma5/dormant")
                .then()
                .statusCode(204);
    }

    private void topicWith(String topic) {
        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("mode", "allora"))
                .put("/v1/admin/topics/" + topic)
                .then()
                .statusCode(200);
        Map.of("last", last.url(), "ma5", ma.url())
                .forEach((name, url) -> given().header("Authorization", ADMIN)
                        .contentType(ContentType.JSON)
                        .body(Map.of("url", url))
                        .put("/v1/admin/topics/" + topic + "/workers/" + name)
                        .then()
                        .statusCode(200));
    }

    private static Response dormant(String topic, String worker) {
        return given().header("Authorization", ADMIN)
                .put("/v1/admin/topics/" + topic + "/workers/" + worker + "/dormant");
    }

    private CompletableFuture<HttpResponse<String>> sendAsync(String topic) throws Exception {
        return HTTP.sendAsync(
                HttpRequest.newBuilder(base.resolve("/v1/topics/" + topic + "/inferences"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                JSON.writeValueAsString(Map.of("window", WINDOW, "epoch", 12))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Response ask(String topic) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("window", WINDOW, "epoch", 12))
                .post("/v1/topics/" + topic + "/inferences");
    }
}
