package network.synod.cli;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import network.synod.core.forecast.Forecaster;
import network.synod.core.forecast.LossForecaster;
import network.synod.core.replay.LossModel;
import network.synod.models.neural.NeuralForecaster;

/**
 * The workers beyond the five reference forecasters that {@code --workers all} adds: the DJL neural
 * forecaster ({@code mlp}) and a forecaster ({@code forecaster}) predicting each inferer's next log10 loss.
 * Online, the same models run in worker processes of kinds {@code mlp} and {@code loss-forecaster}.
 */
final class ExtraWorkers {

    static final String NEURAL = NeuralForecaster.MODEL_NAME;
    static final String FORECASTER = "forecaster";

    private ExtraWorkers() {}

    static List<Forecaster> inferers(int season) {
        return List.of(new NeuralForecaster(season));
    }

    static Map<String, LossModel> forecasters() {
        LossForecaster model = new LossForecaster();
        return Map.of(FORECASTER, (context, history) -> {
            SortedMap<String, Double> predicted = new TreeMap<>();
            history.forEach((inferer, losses) -> predicted.put(
                    inferer,
                    model.predict(
                            losses.stream().mapToDouble(Double::doubleValue).toArray())));
            return predicted;
        });
    }

    static List<String> names() {
        return List.of(NEURAL, FORECASTER);
    }
}
