package network.synod.worker.oip;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import network.synod.worker.model.TensorSpec;

/** The JSON bodies the OIP v2 endpoints answer with. */
public final class OipResponses {

    private OipResponses() {}

    /** {@code GET /v2}. */
    public record ServerMetadata(String name, String version, List<String> extensions) {}

    /** {@code GET /v2/models/{name}}; {@code versions} is omitted as the spec asks of unversioned servers. */
    public record ModelMetadata(
            String name,
            String platform,
            List<TensorSpec> inputs,
            List<TensorSpec> outputs,
            Map<String, String> parameters) {}

    /** {@code POST /v2/models/{name}/labels}: how many labels this call taught, and how many in all. */
    public record LabelsLearnt(@JsonProperty("model_name") String modelName, int learnt, int revealed) {}

    /** {@code GET /v2/models/{name}/ready}. */
    public record ModelReady(String name, boolean ready) {}

    /** {@code POST /v2/models/{name}/infer}; {@code id} echoes the request's and is omitted when it had none; {@code parameters.receipt} is the signed receipt. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record InferenceResponse(
            @JsonProperty("model_name") String modelName, String id, List<?> outputs, Map<String, Object> parameters) {}
}
