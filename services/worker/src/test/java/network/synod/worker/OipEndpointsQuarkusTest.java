package network.synod.worker;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Every OIP endpoint and error case, on the default kind ({@code last}). */
@QuarkusTest
class OipEndpointsQuarkusTest {

    private static final String WINDOW_OK = """
            {"id": "42", "parameters": {"step": 3, "season": 12, "timestamp": "2020-04-01"},
             "inputs": [{"name": "window", "datatype": "FP64", "shape": [3], "data": [1.5, 2.5, 4.25]}]}""";

    @Test
    void serverMetadata() {
        given().get("/v2")
                .then()
                .statusCode(200)
                .body("name", equalTo("synod-worker"))
                .body("version", notNullValue())
                .body("extensions", hasSize(0));
    }

    @Test
    void serverHealth() {
        given().get("/v2/health/live").then().statusCode(200).body("live", equalTo(true));
        given().get("/v2/health/ready").then().statusCode(200).body("ready", equalTo(true));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void modelMetadata() {
        given().get("/v2/models/model")
                .then()
                .statusCode(200)
                .body("name", equalTo("model"))
                .body("platform", equalTo("synod_java"))
                .body("versions", nullValue())
                .body("inputs[0].name", equalTo("window"))
                .body("inputs[0].datatype", equalTo("FP64"))
                .body("inputs[0].shape", equalTo(List.of(-1)))
                .body("outputs[0].name", equalTo("forecast"))
                .body("outputs[0].datatype", equalTo("FP64"))
                .body("outputs[0].shape", equalTo(List.of(1)))
                .body("parameters.kind", equalTo("last"))
                .body("parameters.device", equalTo("cpu"))
                .body("parameters.sha256", matchesPattern("[0-9a-f]{64}"));
    }

    @Test
    void modelReady() {
        given().get("/v2/models/model/ready")
                .then()
                .statusCode(200)
                .body("name", equalTo("model"))
                .body("ready", equalTo(true));
    }

    @Test
    void unknownModelsAre404Everywhere() {
        given().get("/v2/models/other").then().statusCode(404).body("error", containsString("other"));
        given().get("/v2/models/other/ready").then().statusCode(404).body("error", notNullValue());
        Oip.post("other", WINDOW_OK).then().statusCode(404).body("error", containsString("not found"));
    }

    @Test
    void inferAnswersTheLastValueAndEchoesTheId() {
        JsonNode r = Oip.ok(Oip.post("model", WINDOW_OK));
        assertEquals("model", r.get("model_name").asText());
        assertEquals("42", r.get("id").asText());
        assertEquals("forecast", r.at("/outputs/0/name").asText());
        assertEquals("FP64", r.at("/outputs/0/datatype").asText());
        assertEquals(1, r.at("/outputs/0/shape/0").asInt());
        assertEquals(4.25, r.at("/outputs/0/data/0").doubleValue());
    }

    @Test
    void aRequestWithoutIdOrParametersIsAnswered() {
        JsonNode r = Oip.ok(Oip.post("model", """
                {"inputs": [{"name": "window", "datatype": "FP64", "shape": [2], "data": [[7.0, 8.0]]}]}"""));
        assertEquals(null, r.get("id"));
        assertEquals(8.0, r.at("/outputs/0/data/0").doubleValue());
    }

    @Test
    void askingForTheForecastOutputIsFineButNotForOthers() {
        String body = """
                {"inputs": [{"name": "window", "datatype": "FP64", "shape": [1], "data": [3]}],
                 "outputs": [{"name": "%s"}]}""";
        Oip.post("model", body.formatted("forecast")).then().statusCode(200);
        bad(body.formatted("logits"), "no output named");
    }

    @Test
    void malformedJsonIs400() {
        bad("{\"inputs\": [", "malformed JSON");
        bad("[1, 2]", "JSON object");
        bad("", "JSON object");
    }

    @Test
    void aMissingWindowIs400() {
        bad("{\"inputs\": []}", "non-empty array");
        bad("{\"parameters\": {}}", "non-empty array");
        bad("""
                {"inputs": [{"name": "history", "datatype": "FP64", "shape": [1], "data": [1]}]}""", "no input named 'window'");
        bad(windowJson("[0]", "[]"), "shape [n] with n >= 1");
    }

    @Test
    void nonFiniteValuesAre400() {
        bad(windowJson("[3]", "[1.0, NaN, 2.0]"), "not finite");
        bad(windowJson("[2]", "[1.0, Infinity]"), "not finite");
        bad(windowJson("[2]", "[-Infinity, 1.0]"), "not finite");
        bad(windowJson("[2]", "[1.0, \"NaN\"]"), "not a number");
        bad(windowJson("[2]", "[1.0, null]"), "not a number");
    }

    @Test
    void wrongDatatypeIs400() {
        bad("""
                {"inputs": [{"name": "window", "datatype": "FP32", "shape": [1], "data": [1]}]}""", "datatype FP32");
        bad("""
                {"inputs": [{"name": "window", "datatype": "fp64", "shape": [1], "data": [1]}]}""", "datatype fp64");
        bad("""
                {"inputs": [{"name": "window", "shape": [1], "data": [1]}]}""", "no string 'datatype'");
    }

    @Test
    void wrongShapeIs400() {
        bad(windowJson("[3]", "[1, 2]"), "has 2 values but shape [3]");
        bad(windowJson("[1, 2]", "[1, 2]"), "shape [n]");
        bad(windowJson("[-1]", "[1]"), "not a non-negative integer");
        bad(windowJson("[1.5]", "[1]"), "not a non-negative integer");
        bad("""
                {"inputs": [{"name": "window", "datatype": "FP64", "data": [1]}]}""", "'shape'");
        bad("""
                {"inputs": [{"name": "window", "datatype": "FP64", "shape": [1]}]}""", "'data'");
    }

    @Test
    void oversizeIs400() {
        int n = 50_001;
        StringBuilder data = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            data.append(i == 0 ? "" : ",").append(i);
        }
        bad(windowJson("[" + n + "]", data.append(']').toString()), "oversize");
        bad(windowJson("[4000000000000]", "[1]"), "oversize");
    }

    @Test
    void badParametersAre400() {
        bad(Oip.request(null, Map.of("season", -1), List.of(Oip.tensor("window", new double[] {1}, 1))), "season");
        bad(
                Oip.request(null, Map.of("season", "twelve"), List.of(Oip.tensor("window", new double[] {1}, 1))),
                "season");
        bad(Oip.request(null, Map.of("step", 1.5), List.of(Oip.tensor("window", new double[] {1}, 1))), "step");
        bad("{\"parameters\": 3, \"inputs\": []}", "'parameters'");
        bad("{\"id\": 5, \"inputs\": []}", "'id'");
        String twice = Oip.request(
                null,
                Map.of(),
                List.of(Oip.tensor("window", new double[] {1}, 1), Oip.tensor("window", new double[] {2}, 1)));
        bad(twice, "twice");
    }

    @Test
    void metricsCountInferencesAndTimeThem() {
        Oip.post("model", WINDOW_OK).then().statusCode(200);
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics, containsString("synod_worker_inferences_total{model=\"model\",outcome=\"ok\"}"));
        assertThat(metrics, containsString("synod_worker_inference_seconds_count{model=\"model\"}"));
        assertThat(metrics, containsString("outcome=\"bad_input\""));
    }

    @Test
    void openApiDescribesTheOipPaths() {
        given().get("/q/openapi")
                .then()
                .statusCode(200)
                .body(containsString("/v2/models/{name}/infer"))
                .body(containsString("/v2/health/ready"));
    }

    private static String windowJson(String shape, String data) {
        return "{\"inputs\": [{\"name\": \"window\", \"datatype\": \"FP64\", \"shape\": " + shape + ", \"data\": "
                + data + "}]}";
    }

    private static void bad(String body, String messagePart) {
        Oip.post("model", body).then().statusCode(400).body("error", containsString(messagePart));
    }

    private static String phased(String id, String phase) {
        return """
                {"id": "%s", "parameters": {"step": 3, "season": 12, "phase": "%s"},
                 "inputs": [{"name": "window", "datatype": "FP64", "shape": [3], "data": [1.5, 2.5, 4.25]}]}""".formatted(id, phase);
    }

    @Test
    void commitHidesTheAnswerAndTheRevealOpensTheCommitment() {
        io.restassured.response.Response commit = given().contentType("application/json")
                .body(phased("round-1", "commit"))
                .post("/v2/models/model/infer");
        commit.then()
                .statusCode(200)
                .body("outputs", hasSize(0))
                .body("parameters.commitment", matchesPattern("[0-9a-f]{64}"))
                .body("parameters.receipt", nullValue());
        String commitment = commit.path("parameters.commitment");
        String worker = commit.path("parameters.worker");

        io.restassured.response.Response reveal = given().contentType("application/json")
                .body(phased("round-1", "reveal"))
                .post("/v2/models/model/infer");
        reveal.then()
                .statusCode(200)
                .body("outputs[0].data[0]", equalTo(4.25f))
                .body("parameters.salt", matchesPattern("[0-9a-f]{32}"))
                .body("parameters.receipt.signature", notNullValue());
        String salt = reveal.path("parameters.salt");
        org.junit.jupiter.api.Assertions.assertEquals(
                commitment,
                network.synod.core.verification.Commitment.hash(new double[] {4.25}, salt, worker, "round-1"),
                "the revealed answer and salt open the commitment");
        org.junit.jupiter.api.Assertions.assertNotEquals(
                commitment,
                network.synod.core.verification.Commitment.hash(new double[] {4.25}, salt, worker, "round-2"),
                "a commitment binds its round");

        // Another round gets another salt, so equal answers do not give equal commitments.
        String other = given().contentType("application/json")
                .body(phased("round-2", "commit"))
                .post("/v2/models/model/infer")
                .path("parameters.commitment");
        org.junit.jupiter.api.Assertions.assertNotEquals(commitment, other);
    }

    @Test
    void anUnknownPhaseOrARoundWithoutAnIdIsBadInput() {
        given().contentType("application/json")
                .body(phased("r", "peek"))
                .post("/v2/models/model/infer")
                .then()
                .statusCode(400)
                .body("error", containsString("parameters.phase"));
        given().contentType("application/json")
                .body(phased("", "commit"))
                .post("/v2/models/model/infer")
                .then()
                .statusCode(400)
                .body("error", containsString("id"));
    }
}
