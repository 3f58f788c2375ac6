package network.synod.worker.oip;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;

import network.synod.core.forecast.ForecastContext;
import network.synod.worker.model.ModelInput;
import network.synod.worker.model.Tensor;

/**
 * Reads and checks an OIP v2 inference request body. Every problem becomes a 400 that names it, rather
 * than whatever a generic JSON binder would say.
 *
 * <p>NaN and Infinity tokens are parsed (Python's json module writes them) only to be refused by name.
 */
public final class InferenceRequestParser {

    static final String WINDOW = "window";

    private static final ObjectReader READER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build()
            .reader();

    private final int maxElements;

    /** A parser that refuses any tensor of more than {@code maxElements} values. */
    public InferenceRequestParser(int maxElements) {
        this.maxElements = maxElements;
    }

    /**
     * The parsed request, the output names it asked for (empty = all), and its commit-reveal phase:
     * {@code null} for a plain answer, {@code commit} or {@code reveal} (docs/contracts.md).
     */
    public record Parsed(String id, ModelInput input, List<String> outputs, String phase) {}

    public Parsed parse(byte[] body) {
        JsonNode root;
        try {
            root = READER.readTree(body);
        } catch (JsonProcessingException e) {
            throw OipException.badInput("malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw OipException.badInput("unreadable request body: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw OipException.badInput("the request body must be a JSON object");
        }
        String id = null;
        if (root.has("id") && !root.get("id").isNull()) {
            if (!root.get("id").isTextual()) {
                throw OipException.badInput("'id' must be a string");
            }
            id = root.get("id").asText();
        }
        JsonNode parameters = root.path("parameters");
        if (!parameters.isMissingNode() && !parameters.isNull() && !parameters.isObject()) {
            throw OipException.badInput("'parameters' must be an object");
        }
        Map<String, Tensor> tensors = tensors(root.get("inputs"));
        Tensor window = tensors.get(WINDOW);
        if (window == null) {
            throw OipException.badInput("the request has no input named '" + WINDOW + "'");
        }
        if (window.shape().length != 1 || window.shape()[0] < 1) {
            throw OipException.badInput(
                    "input '" + WINDOW + "' must have shape [n] with n >= 1, got " + Arrays.toString(window.shape()));
        }
        int season = (int) integer(parameters, "season", 0, Integer.MAX_VALUE);
        long step = integer(parameters, "step", window.data().length, Long.MAX_VALUE);
        String inferers =
                parameters.hasNonNull("inferers") ? parameters.get("inferers").asText() : null;
        String phase = parameters.hasNonNull("phase") ? parameters.get("phase").asText() : null;
        if (phase != null && !phase.equals(CommitReveal.COMMIT) && !phase.equals(CommitReveal.REVEAL)) {
            throw OipException.badInput("parameters.phase must be 'commit' or 'reveal', got '" + phase + "'");
        }
        if (phase != null && (id == null || id.isBlank())) {
            throw OipException.badInput("a commit or reveal needs the request 'id' that names the round");
        }
        ForecastContext context = new ForecastContext(step, window.data(), season);
        return new Parsed(id, new ModelInput(context, tensors, inferers), outputs(root.get("outputs")), phase);
    }

    private Map<String, Tensor> tensors(JsonNode inputs) {
        if (inputs == null || !inputs.isArray() || inputs.isEmpty()) {
            throw OipException.badInput("'inputs' must be a non-empty array of tensors");
        }
        Map<String, Tensor> byName = new HashMap<>();
        for (JsonNode input : inputs) {
            Tensor t = tensor(input);
            if (byName.put(t.name(), t) != null) {
                throw OipException.badInput("input '" + t.name() + "' appears twice");
            }
        }
        return byName;
    }

    private Tensor tensor(JsonNode input) {
        if (!input.isObject() || !input.path("name").isTextual()) {
            throw OipException.badInput("every input must be an object with a string 'name'");
        }
        String name = input.get("name").asText();
        JsonNode datatype = input.get("datatype");
        if (datatype == null || !datatype.isTextual()) {
            throw OipException.badInput("input '" + name + "' has no string 'datatype'");
        }
        if (!datatype.asText().equals("FP64")) {
            throw OipException.badInput(
                    "input '" + name + "' has datatype " + datatype.asText() + "; this model takes FP64");
        }
        long[] shape = shape(name, input.get("shape"));
        long count = 1;
        for (long d : shape) {
            count = Math.multiplyExact(count, Math.max(d, 0));
            if (count > maxElements) {
                throw OipException.badInput("input '" + name + "' is oversize: shape " + Arrays.toString(shape)
                        + " exceeds the limit of " + maxElements + " values");
            }
        }
        JsonNode data = input.get("data");
        if (data == null || !data.isArray()) {
            throw OipException.badInput("input '" + name + "' has no 'data' array");
        }
        double[] values = new double[(int) count];
        int filled = flatten(name, data, values, 0);
        if (filled != count) {
            throw OipException.badInput("input '" + name + "' has " + filled + " values but shape "
                    + Arrays.toString(shape) + " needs " + count);
        }
        return new Tensor(name, "FP64", shape, values);
    }

    private static long[] shape(String name, JsonNode shape) {
        if (shape == null || !shape.isArray() || shape.isEmpty()) {
            throw OipException.badInput("input '" + name + "' needs a non-empty 'shape' array");
        }
        long[] dims = new long[shape.size()];
        for (int i = 0; i < dims.length; i++) {
            JsonNode d = shape.get(i);
            if (!d.canConvertToExactIntegral() || !d.canConvertToLong() || d.asLong() < 0) {
                throw OipException.badInput(
                        "input '" + name + "' has a shape dimension that is not a non-negative integer: " + d);
            }
            dims[i] = d.asLong();
        }
        return dims;
    }

    /** Copies nested or flat row-major data into {@code out}; returns the count seen (it may exceed out's size). */
    private static int flatten(String name, JsonNode node, double[] out, int at) {
        for (JsonNode v : node) {
            if (v.isArray()) {
                at = flatten(name, v, out, at);
                continue;
            }
            if (!v.isNumber()) {
                throw OipException.badInput("input '" + name + "' holds a value that is not a number: " + v);
            }
            double d = v.doubleValue();
            if (!Double.isFinite(d)) {
                throw OipException.badInput("input '" + name + "' holds a value that is not finite: " + d);
            }
            if (at < out.length) {
                out[at] = d;
            }
            at++;
        }
        return at;
    }

    private static long integer(JsonNode parameters, String key, long fallback, long max) {
        JsonNode v = parameters.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        long parsed;
        if (v.isNumber() && v.canConvertToExactIntegral() && v.canConvertToLong()) {
            parsed = v.asLong();
        } else if (v.isTextual()) {
            try {
                parsed = Long.parseLong(v.asText().trim());
            } catch (NumberFormatException e) {
                throw OipException.badInput("parameters." + key + " must be a non-negative integer, got " + v);
            }
        } else {
            throw OipException.badInput("parameters." + key + " must be a non-negative integer, got " + v);
        }
        if (parsed < 0 || parsed > max) {
            throw OipException.badInput("parameters." + key + " must be a non-negative integer, got " + v);
        }
        return parsed;
    }

    private static List<String> outputs(JsonNode outputs) {
        List<String> names = new ArrayList<>();
        if (outputs == null || outputs.isNull()) {
            return names;
        }
        if (!outputs.isArray()) {
            throw OipException.badInput("'outputs' must be an array");
        }
        for (JsonNode o : outputs) {
            if (!o.path("name").isTextual()) {
                throw OipException.badInput("every requested output needs a string 'name'");
            }
            names.add(o.get("name").asText());
        }
        return names;
    }
}
