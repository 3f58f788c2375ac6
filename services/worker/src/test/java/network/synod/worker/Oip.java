package network.synod.worker;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import org.awaitility.Awaitility;

/** A small OIP v2 client for the tests; JSON is read with Jackson so doubles come back exact. */
final class Oip {

    static final ObjectMapper JSON = new ObjectMapper();

    private Oip() {}

    static Map<String, Object> tensor(String name, double[] data, long... shape) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("name", name);
        t.put("datatype", "FP64");
        t.put("shape", shape);
        t.put("data", data);
        return t;
    }

    static String request(String id, Map<String, Object> parameters, List<Map<String, Object>> inputs) {
        Map<String, Object> r = new LinkedHashMap<>();
        if (id != null) {
            r.put("id", id);
        }
        r.put("parameters", parameters);
        r.put("inputs", inputs);
        try {
            return JSON.writeValueAsString(r);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String windowRequest(double[] window, long step, int season) {
        return request(
                "r-" + step, Map.of("step", step, "season", season), List.of(tensor("window", window, window.length)));
    }

    static Response post(String model, String body) {
        return given().contentType("application/json").body(body).post("/v2/models/" + model + "/infer");
    }

    static JsonNode ok(Response r) {
        r.then().statusCode(200);
        try {
            return JSON.readTree(r.asString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The forecast for {@code step} from the window of revealed values before it. */
    static double forecast(double[] window, long step, int season) {
        return ok(post("model", windowRequest(window, step, season)))
                .at("/outputs/0/data/0")
                .doubleValue();
    }

    /** The window of at most {@code width} values before step {@code t}. */
    static double[] window(double[] series, int t, int width) {
        return Arrays.copyOfRange(series, Math.max(0, t - width), t);
    }

    /** Waits until the served model is ready (engine-backed kinds load in the background). */
    static void awaitReady() {
        Awaitility.await("the model ready")
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    var answer = given().get("/v2/health/ready");
                    if (answer.asString().contains("failed to load")) {
                        throw new AssertionError("the model did not become ready: " + answer.asString());
                    }
                    return answer.statusCode() == 200;
                });
    }
}
