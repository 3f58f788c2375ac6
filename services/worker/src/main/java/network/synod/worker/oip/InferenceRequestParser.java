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
import network.synod.worker.model.BytesTensor;
import network.synod.worker.model.ModelInput;
import network.synod.worker.model.Tensor;
import network.synod.worker.model.TensorSpec;

/**
 * Reads and checks an OIP v2 inference request body. Every problem becomes a 400 that names it, rather
 * than whatever a generic JSON binder would say.
 *
 * <p>NaN and Infinity tokens are parsed (Python's json module writes them) only to be refused by name.
 */
public final class InferenceRequestParser {

    static final String WINDOW = "window";

    /** The OIP datatypes a request may hold (each model declares which it takes). */
    static final List<String> DATATYPES = List.of("BYTES", "FP64", "FP32", "INT64");

    private static final long MAX_EXACT = 1L << 53;

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

    /** A request to a forecaster: it must hold an FP64 {@code window}. */
    public Parsed parse(byte[] body) {
        return parse(body, List.of(TensorSpec.fp64(WINDOW, -1)));
    }

    /**
     * A request to a model that declares {@code declared} inputs: the first is required, the others optional;
     * each given must have the declared datatype. Inputs the model does not declare are checked as tensors and
     * otherwise ignored. A model that declares {@code window} gets its forecast context.
     */
    public Parsed parse(byte[] body, List<TensorSpec> declared) {
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
        Map<String, Tensor> tensors = new HashMap<>();
        Map<String, BytesTensor> texts = new HashMap<>();
        readInputs(root.get("inputs"), declared, tensors, texts);
        String required = declared.get(0).name();
        if (!tensors.containsKey(required) && !texts.containsKey(required)) {
            throw OipException.badInput("the request has no input named '" + required + "'");
        }
        String phase = parameters.hasNonNull("phase") ? parameters.get("phase").asText() : null;
        if (phase != null && !phase.equals(CommitReveal.COMMIT) && !phase.equals(CommitReveal.REVEAL)) {
            throw OipException.badInput("parameters.phase must be 'commit' or 'reveal', got '" + phase + "'");
        }
        if (phase != null && (id == null || id.isBlank())) {
            throw OipException.badInput("a commit or reveal needs the request 'id' that names the round");
        }
        String inferers =
                parameters.hasNonNull("inferers") ? parameters.get("inferers").asText() : null;
        ForecastContext context = null;
        Tensor window = tensors.get(WINDOW);
        if (window != null && declared.stream().anyMatch(d -> d.name().equals(WINDOW))) {
            if (window.shape().length != 1 || window.shape()[0] < 1) {
                throw OipException.badInput("input '" + WINDOW + "' must have shape [n] with n >= 1, got "
                        + Arrays.toString(window.shape()));
            }
            int season = (int) integer(parameters, "season", 0, Integer.MAX_VALUE);
            long step = integer(parameters, "step", window.data().length, Long.MAX_VALUE);
            context = new ForecastContext(step, window.data(), season);
        }
        for (BytesTensor t : texts.values()) {
            if (t.shape().length != 1 || t.shape()[0] < 1) {
                throw OipException.badInput("BYTES input '" + t.name() + "' must have shape [n] with n >= 1, got "
                        + Arrays.toString(t.shape()));
            }
        }
        return new Parsed(id, new ModelInput(context, tensors, inferers, texts), outputs(root.get("outputs")), phase);
    }

    private void readInputs(
            JsonNode inputs, List<TensorSpec> declared, Map<String, Tensor> tensors, Map<String, BytesTensor> texts) {
        if (inputs == null || !inputs.isArray() || inputs.isEmpty()) {
            throw OipException.badInput("'inputs' must be a non-empty array of tensors");
        }
        for (JsonNode input : inputs) {
            if (!input.isObject() || !input.path("name").isTextual()) {
                throw OipException.badInput("every input must be an object with a string 'name'");
            }
            String name = input.get("name").asText();
            if (tensors.containsKey(name) || texts.containsKey(name)) {
                throw OipException.badInput("input '" + name + "' appears twice");
            }
            JsonNode datatype = input.get("datatype");
            if (datatype == null || !datatype.isTextual()) {
                throw OipException.badInput("input '" + name + "' has no string 'datatype'");
            }
            String type = datatype.asText();
            if (!DATATYPES.contains(type)) {
                throw OipException.badInput("input '" + name + "' has datatype " + type + "; the datatypes served are "
                        + String.join(", ", DATATYPES));
            }
            for (TensorSpec d : declared) {
                if (d.name().equals(name) && !d.datatype().equals(type)) {
                    throw OipException.badInput(
                            "input '" + name + "' has datatype " + type + "; this model takes " + d.datatype());
                }
            }
            long[] shape = shape(name, input.get("shape"));
            int count = count(name, shape);
            JsonNode data = input.get("data");
            if (data == null || !data.isArray()) {
                throw OipException.badInput("input '" + name + "' has no 'data' array");
            }
            if (type.equals(BytesTensor.BYTES)) {
                List<String> strings = new ArrayList<>(count);
                int filled = flattenStrings(name, data, strings, count, 0);
                checkCount(name, shape, count, filled);
                texts.put(name, new BytesTensor(name, shape, strings));
            } else {
                double[] values = new double[count];
                int filled = flatten(name, type, data, values, 0);
                checkCount(name, shape, count, filled);
                tensors.put(name, new Tensor(name, type, shape, values));
            }
        }
    }

    private int count(String name, long[] shape) {
        long count = 1;
        for (long d : shape) {
            count = Math.multiplyExact(count, Math.max(d, 0));
            if (count > maxElements) {
                throw OipException.badInput("input '" + name + "' is oversize: shape " + Arrays.toString(shape)
                        + " exceeds the limit of " + maxElements + " values");
            }
        }
        return (int) count;
    }

    private static void checkCount(String name, long[] shape, int count, int filled) {
        if (filled != count) {
            throw OipException.badInput("input '" + name + "' has " + filled + " values but shape "
                    + Arrays.toString(shape) + " needs " + count);
        }
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

    /**
     * Copies nested or flat row-major numbers into {@code out}, checked for the datatype: finite; FP32 within
     * float range (kept as the nearest float); INT64 integral and within ±2^53, where doubles hold every
     * integer exactly. Returns the count seen (it may exceed out's size).
     */
    private static int flatten(String name, String type, JsonNode node, double[] out, int at) {
        for (JsonNode v : node) {
            if (v.isArray()) {
                at = flatten(name, type, v, out, at);
                continue;
            }
            if (!v.isNumber()) {
                throw OipException.badInput("input '" + name + "' holds a value that is not a number: " + v);
            }
            double d = v.doubleValue();
            if (!Double.isFinite(d)) {
                throw OipException.badInput("input '" + name + "' holds a value that is not finite: " + d);
            }
            if (type.equals("FP32")) {
                if (Math.abs(d) > Float.MAX_VALUE) {
                    throw OipException.badInput("FP32 input '" + name + "' holds a value out of float range: " + v);
                }
                d = (float) d;
            } else if (type.equals("INT64")) {
                if (!v.canConvertToExactIntegral() || !v.canConvertToLong() || Math.abs(v.asLong()) > MAX_EXACT) {
                    throw OipException.badInput(
                            "INT64 input '" + name + "' holds a value that is not an integer" + " within ±2^53: " + v);
                }
                d = v.asLong();
            }
            if (at < out.length) {
                out[at] = d;
            }
            at++;
        }
        return at;
    }

    /** Copies nested or flat row-major strings into {@code out} (up to {@code limit}); returns the count seen. */
    private static int flattenStrings(String name, JsonNode node, List<String> out, int limit, int at) {
        for (JsonNode v : node) {
            if (v.isArray()) {
                at = flattenStrings(name, v, out, limit, at);
                continue;
            }
            if (!v.isTextual()) {
                String shown = v.toString();
                throw OipException.badInput("BYTES input '" + name + "' holds a value that is not a string: "
                        + (shown.length() > 40 ? shown.substring(0, 40) + "…" : shown));
            }
            if (at < limit) {
                out.add(v.asText());
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
