package network.synod.worker.model;

import java.util.List;

import org.jboss.logging.Logger;

import network.synod.core.forecast.ForecastContext;
import network.synod.models.neural.NeuralForecaster;

/**
 * The {@code mlp} kind: a {@link NeuralForecaster} that learns online from the windows it is sent.
 *
 * <p>A request for step t carries the revealed values of steps t−n..t−1 and nothing later, so every value
 * of it may be learnt from; values already learnt are skipped. The model only moves forward in time: a
 * request whose window ends before the newest value learnt, contradicts a value learnt, or has another
 * season (a replay, or another series) starts a fresh forecaster with the same seed. That way nothing
 * learnt from one history can leak into the answers for another, and a replay gives the same answers.
 */
public final class OnlineNeuralModel implements ServedModel {

    private static final Logger LOG = Logger.getLogger(OnlineNeuralModel.class);

    private final NeuralForecaster.Settings settings;
    private NeuralForecaster forecaster;
    private int restarts;

    public OnlineNeuralModel(NeuralForecaster.Settings settings) {
        this.settings = settings;
        this.forecaster = new NeuralForecaster(0, settings);
    }

    @Override
    public String kind() {
        return "mlp";
    }

    @Override
    public String platform() {
        return "pytorch_djl";
    }

    @Override
    public synchronized String sha256() {
        return forecaster.parametersSha256();
    }

    @Override
    public String device() {
        return DeviceNames.of(settings.device());
    }

    @Override
    public List<TensorSpec> inputs() {
        return List.of(TensorSpec.fp64("window", -1));
    }

    @Override
    public List<TensorSpec> outputs() {
        return List.of(TensorSpec.fp64("forecast", 1));
    }

    /** How many times it has started afresh. */
    public synchronized int restarts() {
        return restarts;
    }

    @Override
    public synchronized Tensor infer(ModelInput input) {
        ForecastContext c = input.context();
        double[] window = c.window();
        long first = c.step() - window.length;
        if (first < 0) {
            throw new IllegalArgumentException("parameters.step (" + c.step() + ") is smaller than the window length ("
                    + window.length + "): the window would start before step 0");
        }
        if (c.season() != forecaster.season()
                || c.step() - 1 < forecaster.revealedUntil()
                || !forecaster.agrees(first, window)) {
            restart(c);
        }
        forecaster.reveal(first, window);
        return ForecastOutput.of(forecaster.predict(c));
    }

    @Override
    public synchronized void close() {
        forecaster.close();
    }

    private void restart(ForecastContext c) {
        if (forecaster.revealedUntil() >= 0) {
            LOG.infof(
                    "mlp starts afresh at step %d (season %d): the request goes back in time, contradicts what "
                            + "it learnt, or has another season",
                    c.step(), c.season());
        }
        forecaster.close();
        forecaster = new NeuralForecaster(c.season(), settings);
        restarts++;
    }
}
