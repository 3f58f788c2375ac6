package network.synod.worker.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import network.synod.core.forecast.LossForecaster;
import network.synod.models.saved.Sha256;

/**
 * The {@code loss-forecaster} kind: predicts each listed inferer's next log10 loss from its revealed
 * log10 losses ({@code loss_history}, shape [k, h], rows in the order of {@code parameters.inferers}).
 */
public final class LossForecasterModel implements ServedModel {

    static final String HISTORY = "loss_history";

    private final LossForecaster forecaster = new LossForecaster();
    private final String sha256 = new Sha256()
            .update(("synod-loss-forecaster/ema-span-" + forecaster.span()).getBytes(StandardCharsets.UTF_8))
            .hex();

    @Override
    public String kind() {
        return "loss-forecaster";
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
        return List.of(TensorSpec.fp64("window", -1), TensorSpec.fp64(HISTORY, -1, -1));
    }

    @Override
    public List<TensorSpec> outputs() {
        return List.of(TensorSpec.fp64("predicted_loss", -1));
    }

    @Override
    public Tensor infer(ModelInput input) {
        Tensor history = input.tensors().get(HISTORY);
        if (history == null) {
            throw new IllegalArgumentException("a loss forecaster needs the input '" + HISTORY + "'");
        }
        if (history.shape().length != 2 || history.shape()[0] < 1 || history.shape()[1] < 1) {
            throw new IllegalArgumentException(
                    "'" + HISTORY + "' must have shape [k, h] with k, h >= 1, got " + Arrays.toString(history.shape()));
        }
        int k = (int) history.shape()[0];
        int h = (int) history.shape()[1];
        if (input.inferers() != null && input.inferers().split(",", -1).length != k) {
            throw new IllegalArgumentException("parameters.inferers names "
                    + input.inferers().split(",", -1).length + " inferers but '" + HISTORY + "' has " + k + " rows");
        }
        double[][] rows = new double[k][];
        for (int i = 0; i < k; i++) {
            rows[i] = Arrays.copyOfRange(history.data(), i * h, (i + 1) * h);
        }
        return new Tensor("predicted_loss", "FP64", new long[] {k}, forecaster.predict(rows));
    }
}
