package network.synod.worker.model;

import java.util.List;

import ai.djl.Device;

import network.synod.models.saved.SavedNeuralForecaster;

/** The {@code djl} kind: a saved neural forecaster, loaded after its digest was checked, that does not learn. */
public final class SavedDjlModel implements ServedModel {

    private final SavedNeuralForecaster forecaster;
    private final Device device;

    public SavedDjlModel(SavedNeuralForecaster forecaster, Device device) {
        this.forecaster = forecaster;
        this.device = device;
    }

    @Override
    public String kind() {
        return "djl";
    }

    @Override
    public String platform() {
        return "pytorch_djl";
    }

    @Override
    public String sha256() {
        return forecaster.sha256();
    }

    @Override
    public String device() {
        return DeviceNames.of(device);
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
    public Tensor infer(ModelInput input) {
        return ForecastOutput.of(forecaster.predict(input.context()));
    }

    @Override
    public void close() {
        forecaster.close();
    }
}
