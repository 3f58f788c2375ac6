package network.synod.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;

/** The model a worker serves: its OIP name, kind, artifact URL, engine and expected digest. */
public class ModelSpec {
    @Pattern("^[a-zA-Z0-9][a-zA-Z0-9._-]{0,62}$")
    @JsonPropertyDescription("OIP model name served by the worker.")
    private String name = "model";

    @Pattern("^(last|ma|ema|trend|snaive|mlp|djl|loss-forecaster)$")
    @JsonPropertyDescription("Model kind: last, ma, ema, trend, snaive, mlp, djl or loss-forecaster.")
    private String kind = "last";

    @Pattern(ModelSpec.URL_PATTERN)
    @JsonPropertyDescription("For kind djl: file:, jar: or https: URL of a saved DJL model.")
    private String url;

    @Pattern("^(PyTorch|OnnxRuntime|TensorFlow|MXNet)$")
    @JsonPropertyDescription("DJL engine: PyTorch, OnnxRuntime, TensorFlow or MXNet.")
    private String engine;

    @Pattern(ModelSpec.DIGEST_PATTERN)
    @JsonPropertyDescription("Expected sha256 of the model artifact (64 hex digits, optional sha256: prefix).")
    private String digest;

    /** Model URLs the worker can load (docs/contracts.md): file:, jar: or https:. */
    public static final String URL_PATTERN = "^(file:|jar:|https://)\\S+$";

    public static final String DIGEST_PATTERN = "^(sha256:)?[a-f0-9]{64}$";

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getEngine() {
        return engine;
    }

    public void setEngine(String engine) {
        this.engine = engine;
    }

    public String getDigest() {
        return digest;
    }

    public void setDigest(String digest) {
        this.digest = digest;
    }
}
