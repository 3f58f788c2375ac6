package network.synod.web.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.http.TestHTTPResource;
import org.junit.jupiter.api.Test;

/**
 * The Open Inference Protocol v2 checks every Synod model server passes, the network's gateway (each topic a model)
 * as each worker: KServe's required API (server and model health, server and model metadata, inference) with its
 * error shape ({@code {"error": "..."}}), the {@code outputs} filter and the tensor checks. A server's test extends
 * this with its model and one valid request. (Shipped in synod-web's test-jar.)
 */
public abstract class OipConformance {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    protected static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URI base;

    /** The model under test: a topic of the gateway, the worker's model. */
    protected abstract String model();

    /** A request the model answers; it must name an input {@link #input()} and may carry parameters. */
    protected abstract ObjectNode validRequest();

    /** The input the valid request's first tensor is. */
    protected abstract String input();

    /** Every output the model answers when no filter is given, in its order (with two or more, the filter test asks for a subset). */
    protected abstract List<String> outputs();

    @Test
    void serverLive() throws Exception {
        JsonNode live = ok("GET", "/v2/health/live", null);
        assertTrue(live.path("live").asBoolean(), live.toString());
    }

    @Test
    void serverReady() throws Exception {
        JsonNode ready = ok("GET", "/v2/health/ready", null);
        assertTrue(ready.path("ready").asBoolean(), ready.toString());
    }

    @Test
    void serverMetadata() throws Exception {
        JsonNode meta = ok("GET", "/v2", null);
        assertTrue(meta.path("name").isTextual() && meta.path("version").isTextual(), meta.toString());
        assertTrue(meta.path("extensions").isArray(), meta.toString());
    }

    @Test
    void modelReady() throws Exception {
        JsonNode ready = ok("GET", "/v2/models/" + model() + "/ready", null);
        assertTrue(ready.path("ready").asBoolean(), ready.toString());
    }

    @Test
    void modelMetadata() throws Exception {
        JsonNode meta = ok("GET", "/v2/models/" + model(), null);
        assertEquals(model(), meta.path("name").asText(), meta.toString());
        assertTrue(meta.path("platform").isTextual(), meta.toString());
        List<String> inputs = names(meta.path("inputs"));
        assertTrue(inputs.contains(input()), "metadata inputs " + inputs);
        assertTrue(names(meta.path("outputs")).containsAll(outputs()), "metadata outputs " + meta.path("outputs"));
        for (JsonNode t : meta.path("inputs")) {
            assertTrue(t.path("datatype").isTextual() && t.path("shape").isArray(), t.toString());
        }
    }

    @Test
    void inferAnswersEveryOutput() throws Exception {
        ObjectNode request = validRequest();
        request.put("id", "conformance-1");
        JsonNode answer = ok("POST", "/v2/models/" + model() + "/infer", request);
        assertEquals(model(), answer.path("model_name").asText(), answer.toString());
        assertEquals("conformance-1", answer.path("id").asText(), answer.toString());
        assertEquals(outputs(), names(answer.path("outputs")));
        for (JsonNode t : answer.path("outputs")) {
            assertTrue(
                    t.path("datatype").isTextual()
                            && t.path("shape").isArray()
                            && t.path("data").isArray(),
                    t.toString());
        }
    }

    @Test
    void theOutputsFilterAnswersOnlyWhatWasAsked() throws Exception {
        String last = outputs().get(outputs().size() - 1);
        ObjectNode request = validRequest();
        request.putArray("outputs").addObject().put("name", last);
        assertEquals(
                List.of(last),
                names(ok("POST", "/v2/models/" + model() + "/infer", request).path("outputs")));
    }

    @Test
    void anUnknownRequestedOutputIsA400() throws Exception {
        ObjectNode request = validRequest();
        request.putArray("outputs").addObject().put("name", "no-such-output");
        error(400, "POST", "/v2/models/" + model() + "/infer", request);
    }

    @Test
    void anUnknownDatatypeIsA400() throws Exception {
        ObjectNode request = validRequest();
        ((ObjectNode) request.path("inputs").get(0)).put("datatype", "FP99");
        error(400, "POST", "/v2/models/" + model() + "/infer", request);
    }

    @Test
    void aShapeThatDisagreesWithTheDataIsA400() throws Exception {
        ObjectNode request = validRequest();
        ObjectNode first = (ObjectNode) request.path("inputs").get(0);
        first.putArray("shape").add(first.path("data").size() + 1);
        error(400, "POST", "/v2/models/" + model() + "/infer", request);
    }

    @Test
    void aRequestWithoutInputsIsA400() throws Exception {
        ObjectNode request = validRequest();
        request.remove("inputs");
        error(400, "POST", "/v2/models/" + model() + "/infer", request);
    }

    @Test
    void malformedJsonIsA400() throws Exception {
        error(400, "POST", "/v2/models/" + model() + "/infer", "{\"inputs\": [");
    }

    @Test
    void anUnknownModelIsA404() throws Exception {
        error(404, "GET", "/v2/models/no-such-model", null);
        error(404, "GET", "/v2/models/no-such-model/ready", null);
        error(404, "POST", "/v2/models/no-such-model/infer", validRequest());
    }

    /** The names of the tensors of a metadata or answer array, in order. */
    protected static List<String> names(JsonNode tensors) {
        List<String> names = new ArrayList<>();
        if (tensors instanceof ArrayNode array) {
            array.forEach(t -> names.add(t.path("name").asText()));
        }
        return names;
    }

    private JsonNode ok(String method, String path, Object body) throws IOException, InterruptedException {
        HttpResponse<String> r = send(method, path, body);
        assertEquals(200, r.statusCode(), method + " " + path + ": " + r.body());
        return JSON.readTree(r.body());
    }

    /** An error answer: the status, JSON, and OIP's shape — one string member {@code error}. */
    private void error(int status, String method, String path, Object body) throws IOException, InterruptedException {
        HttpResponse<String> r = send(method, path, body);
        assertEquals(status, r.statusCode(), method + " " + path + ": " + r.body());
        assertTrue(
                r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                "content type " + r.headers().firstValue("Content-Type"));
        JsonNode error = JSON.readTree(r.body());
        assertTrue(error.path("error").isTextual(), r.body());
        assertFalse(error.path("error").asText().isBlank(), r.body());
    }

    private HttpResponse<String> send(String method, String path, Object body)
            throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body));
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path.substring(1)))
                .timeout(Duration.ofSeconds(60))
                .method(method, publisher);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
