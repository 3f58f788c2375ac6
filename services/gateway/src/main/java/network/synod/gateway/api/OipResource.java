package network.synod.gateway.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;

import network.synod.gateway.inference.InferenceService;
import network.synod.gateway.registry.TopicRuntime;
import network.synod.gateway.registry.Topics;
import network.synod.web.Problem;

/**
 * The network as an Open Inference Protocol v2 server: each topic is one model, so any OIP client can call
 * the whole network as it would call one KServe model.
 */
@Path("/v2")
public class OipResource {

    private static final String FORECAST = "forecast";
    private static final String BAND = "band";
    private static final List<String> OUTPUTS = List.of(FORECAST, BAND);

    /** OIP's numeric tensor datatypes: the window's values are read as numbers whatever their width. */
    private static final List<String> NUMERIC =
            List.of("FP64", "FP32", "FP16", "INT64", "INT32", "INT16", "INT8", "UINT64", "UINT32", "UINT16", "UINT8");

    @Inject
    Topics topics;

    @Inject
    InferenceService inference;

    @GET
    public Map<String, Object> server() {
        return Map.of("name", "synod-gateway", "version", "0.1.0", "extensions", List.of());
    }

    @GET
    @Path("health/live")
    public Map<String, Object> live() {
        return Map.of("live", true);
    }

    @GET
    @Path("health/ready")
    public Map<String, Object> ready() {
        return Map.of("ready", true);
    }

    @GET
    @Path("models/{topic}")
    public Map<String, Object> metadata(@PathParam("topic") String topic) {
        TopicRuntime t = topics.require(topic);
        return Map.of(
                "name",
                t.name(),
                "platform",
                "synod_network",
                "inputs",
                List.of(Map.of("name", "window", "datatype", "FP64", "shape", List.of(-1))),
                "outputs",
                List.of(
                        Map.of("name", "forecast", "datatype", "FP64", "shape", List.of(1)),
                        Map.of("name", "band", "datatype", "FP64", "shape", List.of(5))));
    }

    @GET
    @Path("models/{topic}/ready")
    public Response modelReady(@PathParam("topic") String topic) {
        TopicRuntime t = topics.require(topic);
        boolean ready = t.workers().stream().anyMatch(w -> !w.forecaster());
        return Response.status(ready ? 200 : 503)
                .entity(Map.of("name", topic, "ready", ready))
                .build();
    }

    @POST
    @Path("models/{topic}/infer")
    public Uni<Map<String, Object>> infer(@PathParam("topic") String topic, JsonNode body) {
        TopicRuntime t = topics.require(topic);
        double[] window = window(body);
        List<String> wanted = requestedOutputs(body);
        JsonNode params = body.path("parameters");
        Long epoch = params.has("step") ? params.get("step").asLong() : null;
        String id = body.hasNonNull("id") ? body.get("id").asText() : null;
        return inference.infer(t, window, epoch, id).map(r -> {
            Map<String, Map<String, Object>> all = new LinkedHashMap<>();
            all.put(FORECAST, tensor(FORECAST, r.inference().value()));
            all.put(BAND, tensor(BAND, r.inference().band()));
            List<Map<String, Object>> outputs = new ArrayList<>();
            (wanted.isEmpty() ? List.copyOf(all.keySet()) : wanted).forEach(name -> outputs.add(all.get(name)));
            return Map.of(
                    "model_name",
                    topic,
                    "id",
                    r.requestId(),
                    "parameters",
                    Map.of("epoch", r.epoch(), "mode", r.inference().mode().id()),
                    "outputs",
                    outputs);
        });
    }

    private static Map<String, Object> tensor(String name, double... data) {
        return Map.of("name", name, "datatype", "FP64", "shape", List.of(data.length), "data", data);
    }

    /** The outputs a request names (OIP's {@code outputs} filter), in its order; empty when it names none. */
    static List<String> requestedOutputs(JsonNode body) {
        JsonNode outputs = body.path("outputs");
        if (outputs.isMissingNode() || outputs.isNull()) {
            return List.of();
        }
        if (!outputs.isArray()) {
            throw Problem.badRequest("'outputs' must be an array of {\"name\": ...}");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode o : outputs) {
            String name = o.path("name").asText(null);
            if (!OUTPUTS.contains(name)) {
                throw Problem.badRequest("the model has no output named '" + name + "'; it has " + OUTPUTS);
            }
            names.add(name);
        }
        return names;
    }

    /** The "window" input: a numeric datatype, one dimension, finite values. */
    static double[] window(JsonNode body) {
        if (body == null || !body.path("inputs").isArray()) {
            throw Problem.badRequest("the request needs 'inputs'");
        }
        for (JsonNode input : body.get("inputs")) {
            if (!"window".equals(input.path("name").asText())) {
                continue;
            }
            String datatype = input.path("datatype").asText(null);
            if (!NUMERIC.contains(datatype)) {
                throw Problem.badRequest("input 'window' has datatype " + datatype + "; it must be one of " + NUMERIC);
            }
            JsonNode data = input.path("data");
            if (!data.isArray() || data.isEmpty()) {
                throw Problem.badRequest("input 'window' needs a non-empty 'data' array");
            }
            JsonNode shape = input.path("shape");
            if (!shape.isArray() || shape.size() != 1 || shape.get(0).asLong() != data.size()) {
                throw Problem.badRequest("input 'window' must have shape [" + data.size() + "]");
            }
            double[] w = new double[data.size()];
            for (int i = 0; i < w.length; i++) {
                JsonNode v = data.get(i);
                if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
                    throw Problem.badRequest("input 'window' holds a value that is not a finite number: " + v);
                }
                w[i] = v.asDouble();
            }
            return w;
        }
        throw Problem.badRequest("the request has no input named 'window'");
    }
}
