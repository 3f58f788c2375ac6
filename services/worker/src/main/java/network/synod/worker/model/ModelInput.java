package network.synod.worker.model;

import java.util.Map;

import network.synod.core.forecast.ForecastContext;

/**
 * One validated inference request: the forecast context (null for a model that takes no {@code window}), the
 * numeric input tensors by name (FP64, FP32 and INT64 alike, as doubles) and the BYTES ones.
 *
 * @param inferers the names in {@code parameters.inferers}, or null when absent
 */
public record ModelInput(
        ForecastContext context, Map<String, Tensor> tensors, String inferers, Map<String, BytesTensor> texts) {

    public ModelInput(ForecastContext context, Map<String, Tensor> tensors, String inferers) {
        this(context, tensors, inferers, Map.of());
    }
}
