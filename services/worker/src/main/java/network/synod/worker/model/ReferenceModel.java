package network.synod.worker.model;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import network.synod.core.forecast.Forecaster;
import network.synod.core.forecast.ReferenceForecasters;
import network.synod.models.saved.Sha256;

/**
 * A reference forecaster (last, ma, ema, trend, snaive) called directly: plain arithmetic on the window,
 * so it needs no engine and answers in microseconds.
 */
public final class ReferenceModel implements ServedModel {

    private final String kind;
    private final String sha256;
    private final Map<Integer, Forecaster> bySeason = new ConcurrentHashMap<>();

    public ReferenceModel(String kind) {
        ReferenceForecasters.byKind(kind, 1);
        this.kind = kind;
        // A reference forecaster has no weights; its digest names its definition.
        this.sha256 = new Sha256()
                .update(("synod-reference/" + kind).getBytes(StandardCharsets.UTF_8))
                .hex();
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public String platform() {
        return "synod_java";
    }

    @Override
    public String sha256() {
        return sha256;
    }

    @Override
    public String device() {
        return "cpu";
    }

    @Override
    public List<TensorSpec> inputs() {
        return List.of(TensorSpec.fp64("window", -1));
    }

    @Override
    public List<TensorSpec> outputs() {
        return List.of(TensorSpec.fp64("forecast", 1));
    }

    @Override
    public boolean answersInline() {
        return true;
    }

    @Override
    public Tensor infer(ModelInput input) {
        int season = input.context().season();
        Forecaster f = bySeason.computeIfAbsent(season, s -> ReferenceForecasters.byKind(kind, s));
        return ForecastOutput.of(f.predict(input.context()));
    }
}
