package network.synod.payouts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jakarta.inject.Inject;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import network.synod.embedded.KafkaTestResource;
import network.synod.embedded.PostgresTestResource;

/** The REST API end to end on a real PostgreSQL: the happy paths, then every kind of bad input. */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
class PayoutsApiQuarkusTest {

    static final String ADMIN = "Bearer synod-admin";

    private static boolean ready;

    @Inject
    Pool pool;

    /** Once, but after Quarkus has set RestAssured's port (a static @BeforeAll runs too early for that). */
    @BeforeEach
    void participants() {
        if (ready) {
            return;
        }
        ready = true;
        for (String p : List.of("alice", "bob", "carol")) {
            given().header("Authorization", ADMIN)
                    .put("/v1/admin/participants/" + p)
                    .then()
                    .statusCode(200);
        }
        grant("alice", 10_000);
        grant("bob", 10_000);
    }

    @Test
    void exposesHealthMetricsAndOpenApi() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(org.hamcrest.Matchers.containsString("jvm_"));
        given().get("/q/openapi").then().statusCode(200).body(org.hamcrest.Matchers.containsString("/v1/participants"));
    }

    @Test
    void stakeDelegateUnbondAndWithdraw() throws InterruptedException {
        post("alice", "stake/deposits", Map.of("topic", "sp", "amount", 3_000)).statusCode(201);
        post("bob", "stake/delegations", Map.of("topic", "sp", "target", "alice", "amount", 2_000))
                .statusCode(201);
        given().get("/v1/participants/alice/stake")
                .then()
                .statusCode(200)
                .body("stake.find { it.topic == 'sp' }.amount", equalTo(3_000))
                .body("delegatedIn[0].delegator", equalTo("bob"));

        post("alice", "stake/unbondings", Map.of("topic", "sp", "amount", 1_000))
                .statusCode(201);
        // Not matured yet: the 0.3 s delay has not passed.
        post("alice", "stake/withdrawals", Map.of("amount", 1_000))
                .statusCode(422)
                .contentType("application/problem+json");
        Unbonding.awaitMatured("alice");
        post("alice", "stake/withdrawals", Map.of("amount", 600)).statusCode(201);
        given().get("/v1/participants/alice/balances")
                .then()
                .statusCode(200)
                .body("accounts.find { it.account == 'alice/stake/sp' }.balance", equalTo(2_000))
                .body("unbonding", equalTo(400));
        given().get("/v1/participants/alice/statement?size=2")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].kind", equalTo("withdraw"));
        assertConserved();
    }

    @Test
    void settlementPaysThePotExactlyAndReportsIt() {
        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "feeRevenue",
                        100,
                        "splitMode",
                        "FIXED",
                        "inferersBps",
                        6_000,
                        "forecastersBps",
                        0,
                        "reputersBps",
                        4_000))
                .put("/v1/admin/topics/settle-topic/economics")
                .then()
                .statusCode(200);
        post("carol", "stake/deposits", Map.of("topic", "settle-topic", "amount", 1))
                .statusCode(422);
        grant("carol", 100);
        post("carol", "stake/deposits", Map.of("topic", "settle-topic", "amount", 100))
                .statusCode(201);
        Map<String, Object> scores = Map.of(
                "topic",
                "settle-topic",
                "epoch",
                1,
                "inferers",
                List.of(Map.of("id", "w1", "score", 0.5), Map.of("id", "w2", "score", 0.1)),
                "forecasters",
                List.of(),
                "reputers",
                List.of(Map.of("id", "carol", "score", 2.0)),
                "combinedLoss",
                0.1,
                "naiveLoss",
                0.2);
        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body(scores)
                .post("/v1/admin/settlements")
                .then()
                .statusCode(200)
                .body("alreadySettled", equalTo(false));
        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body(scores)
                .post("/v1/admin/settlements")
                .then()
                .statusCode(200)
                .body("alreadySettled", equalTo(true));

        ValidatableResponse report = given().get("/v1/epochs/1/topics/settle-topic/settlement?size=10")
                .then()
                .statusCode(200);
        long pot = ((Number) report.extract().path("pot")).longValue();
        List<Integer> amounts = report.extract().path("lines.items.amount");
        assertEquals(pot, amounts.stream().mapToLong(Integer::longValue).sum());
        assertEquals(
                Math.floorDiv(pot * 4_000, 10_000), ((Number) report.extract().path("reputersPot")).longValue());
        given().get("/v1/participants/w1/balances").then().statusCode(200);
        assertConserved();
    }

    @Test
    void aParticipantWhoSitsAnEpochOutKeepsItsTaskEma() {
        settle("ema-topic", 61, List.of(Map.of("id", "ema-a", "score", 0.9), Map.of("id", "ema-b", "score", 0.3)));
        Map<String, Double> first = inferersEma("ema-topic");
        assertEquals(List.of("ema-a", "ema-b"), List.copyOf(first.keySet()));
        settle("ema-topic", 62, List.of(Map.of("id", "ema-a", "score", 0.9)));
        Map<String, Double> second = inferersEma("ema-topic");
        // A lone inferer's fraction is 1; ũ = α·u + (1 − α)·ũ_prev with α = 0.1. ema-b did not take part: unchanged.
        assertEquals(Map.of("ema-a", 0.1 * 1.0 + (1 - 0.1) * first.get("ema-a"), "ema-b", first.get("ema-b")), second);
        assertConserved();
    }

    @Test
    void theDatabaseRefusesEntriesWithoutTheirAccountOrTransactionAndKeepsAccounts() {
        grant("refs", 10);
        String tx = "(SELECT max(id) FROM transactions)";
        assertEquals(
                "23503",
                sqlStateOf("INSERT INTO entries (tx_id, account_id, amount) VALUES (" + tx + ", 'nobody/liquid', 1)"));
        assertEquals(
                "23503", sqlStateOf("INSERT INTO entries (tx_id, account_id, amount) VALUES (-1, 'refs/liquid', 1)"));
        assertEquals("P0001", sqlStateOf("DELETE FROM accounts WHERE id = 'refs/liquid'"));
        assertEquals("P0001", sqlStateOf("UPDATE accounts SET id = 'renamed/liquid' WHERE id = 'refs/liquid'"));
        assertEquals("P0001", sqlStateOf("UPDATE entries SET amount = 2 WHERE account_id = 'refs/liquid'"));
        assertConserved();
    }

    private static void settle(String topic, long epoch, List<?> inferers) {
        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "topic",
                        topic,
                        "epoch",
                        epoch,
                        "inferers",
                        inferers,
                        "forecasters",
                        List.of(),
                        "reputers",
                        List.of(),
                        "combinedLoss",
                        0.1,
                        "naiveLoss",
                        0.2))
                .post("/v1/admin/settlements")
                .then()
                .statusCode(200)
                .body("alreadySettled", equalTo(false));
    }

    private Map<String, Double> inferersEma(String topic) {
        Row row = pool.preparedQuery(
                        "SELECT participants, ema FROM task_ema_state WHERE topic = $1 AND role = 'INFERER'")
                .execute(Tuple.of(topic))
                .await()
                .atMost(Duration.ofSeconds(30))
                .iterator()
                .next();
        String[] ids = row.getArrayOfStrings("participants");
        Double[] values = row.getArrayOfDoubles("ema");
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < ids.length; i++) {
            out.put(ids[i], values[i]);
        }
        return out;
    }

    private String sqlStateOf(String sql) {
        PgException e = assertThrows(
                PgException.class, () -> pool.query(sql).execute().await().atMost(Duration.ofSeconds(30)));
        return e.getSqlState();
    }

    @Test
    void badInputIsRefusedWithAProblemAndChangesNothing() {
        long before = total("alice");
        problem(post("alice", "stake/deposits", Map.of("topic", "sp", "amount", -5)), 400);
        problem(post("alice", "stake/deposits", Map.of("topic", "sp", "amount", 0)), 400);
        problem(post("alice", "stake/deposits", Map.of("topic", "sp")), 400);
        problem(post("alice", "stake/deposits", Map.of("topic", "no/slash", "amount", 1)), 400);
        problem(post("alice", "stake/deposits", Map.of("topic", "sp", "amount", 10_000_000)), 422);
        problem(post("alice", "stake/delegations", Map.of("topic", "sp", "target", "nobody", "amount", 1)), 404);
        problem(post("alice", "stake/withdrawals", Map.of("amount", 10_000_000)), 422);
        problem(post("alice", "rewards/claims", Map.of("amount", 1)), 422);
        problem(
                given().header("Authorization", "Bearer alice-token")
                        .contentType(ContentType.JSON)
                        .body("{\"topic\": \"sp\", \"amount\": ")
                        .post("/v1/participants/alice/stake/deposits")
                        .then(),
                400);
        problem(
                given().header("Authorization", "Bearer alice-token")
                        .contentType(ContentType.JSON)
                        .body("{\"topic\": \"sp\", \"amount\": \"lots\"}")
                        .post("/v1/participants/alice/stake/deposits")
                        .then(),
                400);
        problem(given().get("/v1/participants/nobody/balances").then(), 404);
        problem(
                given().contentType(ContentType.JSON)
                        .body(Map.of("topic", "sp", "amount", 1))
                        .post("/v1/participants/alice/stake/deposits")
                        .then(),
                401);
        problem(
                given().header("Authorization", "Bearer wrong")
                        .contentType(ContentType.JSON)
                        .body(Map.of("topic", "sp", "amount", 1))
                        .post("/v1/participants/alice/stake/deposits")
                        .then(),
                401);
        problem(
                given().header("Authorization", "Bearer bob-token")
                        .contentType(ContentType.JSON)
                        .body(Map.of("topic", "sp", "amount", 1))
                        .post("/v1/participants/alice/stake/deposits")
                        .then(),
                403);
        problem(
                given().header("Authorization", ADMIN)
                        .contentType(ContentType.JSON)
                        .body(Map.of("topic", "sp", "amount", 1))
                        .post("/v1/participants/alice/stake/deposits")
                        .then(),
                403);
        problem(
                given().header("Authorization", "Bearer alice-token")
                        .contentType(ContentType.JSON)
                        .body(Map.of("perEpoch", 1))
                        .put("/v1/admin/emission")
                        .then(),
                403);
        problem(
                given().header("Authorization", ADMIN)
                        .contentType(ContentType.JSON)
                        .body(Map.of("perEpoch", -1))
                        .put("/v1/admin/emission")
                        .then(),
                400);
        assertEquals(before, total("alice"));

        // A replayed Idempotency-Key: applied once, then refused with 409.
        given().header("Authorization", "Bearer alice-token")
                .header("Idempotency-Key", "dep-1")
                .contentType(ContentType.JSON)
                .body(Map.of("topic", "idem", "amount", 7))
                .post("/v1/participants/alice/stake/deposits")
                .then()
                .statusCode(201);
        problem(
                given().header("Authorization", "Bearer alice-token")
                        .header("Idempotency-Key", "dep-1")
                        .contentType(ContentType.JSON)
                        .body(Map.of("topic", "idem", "amount", 7))
                        .post("/v1/participants/alice/stake/deposits")
                        .then(),
                409);
        given().get("/v1/participants/alice/balances")
                .then()
                .body("accounts.find { it.account == 'alice/stake/idem' }.balance", equalTo(7));
        assertConserved();
    }

    static long total(String participant) {
        return ((Number) given().get("/v1/participants/" + participant + "/balances")
                        .then()
                        .extract()
                        .path("total"))
                .longValue();
    }

    static void grant(String participant, long amount) {
        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("participant", participant, "amount", amount))
                .post("/v1/admin/grants")
                .then()
                .statusCode(201);
    }

    static ValidatableResponse post(String participant, String path, Map<String, Object> body) {
        return given().header("Authorization", "Bearer " + participant + "-token")
                .contentType(ContentType.JSON)
                .body(body)
                .post("/v1/participants/" + participant + "/" + path)
                .then();
    }

    static void problem(ValidatableResponse response, int status) {
        response.statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(status))
                .body("title", org.hamcrest.Matchers.notNullValue());
    }

    static void assertConserved() {
        given().header("Authorization", ADMIN)
                .get("/v1/admin/conservation")
                .then()
                .statusCode(200)
                .body("conserved", equalTo(true))
                .body("unbalancedTransactions", equalTo(0))
                .body("mismatchedBalances", equalTo(0));
    }
}
