package network.synod.core.events;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An Open Inference Protocol v2 request body as Synod's clients of workers send it (the gateway's fan-out, the
 * auditor's re-execution, the benchmark), so that all of them ask in one form the worker's parser is tested against.
 * The protocol's version is in the path ({@code /v2/models/{model}/infer}), not in the body: a worker of any
 * operator must be able to read it as plain OIP.
 *
 * @param parameters {@code step}, {@code season}, and where used {@code phase} and {@code inferers}
 */
public record InferRequest(String id, Map<String, Object> parameters, List<Input> inputs) {

    /** The name of the input that holds the revealed values. */
    public static final String WINDOW = "window";

    public InferRequest {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        inputs = List.copyOf(inputs);
    }

    /** One FP64 tensor, row-major. */
    public record Input(String name, String datatype, long[] shape, double[] data) {

        public static Input fp64(String name, long[] shape, double[] data) {
            return new Input(name, "FP64", shape, data);
        }
    }

    /**
     * The request for the value at {@code step} given the values revealed before it; {@code phase} is
     * {@code commit}, {@code reveal} or null for a plain answer.
     */
    public static InferRequest forWindow(String id, long step, int season, double[] window, String phase) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("step", step);
        parameters.put("season", season);
        if (phase != null) {
            parameters.put("phase", phase);
        }
        return new InferRequest(
                id, parameters, List.of(Input.fp64(WINDOW, new long[] {window.length}, window.clone())));
    }

    /** This request with one more input. */
    public InferRequest withInput(Input input) {
        List<Input> more = new ArrayList<>(inputs);
        more.add(input);
        return new InferRequest(id, parameters, more);
    }

    /** This request with one more parameter. */
    public InferRequest withParameter(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(parameters);
        more.put(name, value);
        return new InferRequest(id, more, inputs);
    }
}
