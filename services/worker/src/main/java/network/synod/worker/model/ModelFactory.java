package network.synod.worker.model;

import java.io.IOException;
import java.nio.file.Path;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.repository.zoo.ModelNotFoundException;
import org.jboss.logging.Logger;

import network.synod.core.classification.LabelSet;
import network.synod.models.DjlRuntime;
import network.synod.models.device.DeviceSelector;
import network.synod.models.neural.NeuralForecaster;
import network.synod.models.saved.SavedModelLoader;
import network.synod.models.saved.SavedNeuralForecaster;
import network.synod.models.saved.VerifiedArtifact;
import network.synod.models.text.TextClassifiers;
import network.synod.worker.ModelSettings;

/** Builds the served model from the worker's settings. */
public final class ModelFactory {

    private static final Logger LOG = Logger.getLogger(ModelFactory.class);

    private ModelFactory() {}

    /** Whether building this kind starts the DJL engine (seconds) rather than being instant. */
    public static boolean usesEngine(String kind) {
        return kind.equals("mlp") || kind.equals("djl") || TextClassifiers.usesEngine(kind);
    }

    /**
     * The model of {@code settings.kind()}. Only the mlp and djl kinds start DJL's engine, so the
     * reference kinds start in a blink and need no native libraries.
     */
    public static ServedModel create(ModelSettings settings, Path workDir)
            throws IOException, MalformedModelException, ModelNotFoundException {
        String kind = settings.kind().trim();
        switch (kind) {
            case "last", "ma", "ema", "trend", "snaive":
                return new ReferenceModel(kind);
            case "loss-forecaster":
                return new LossForecasterModel();
            case "mlp": {
                Device device = engineDevice(settings);
                ModelSettings.Mlp mlp = settings.mlp();
                return new OnlineNeuralModel(NeuralForecaster.Settings.defaults()
                        .withRetrainEvery(mlp.retrainEvery())
                        .withMinSamples(mlp.minSamples())
                        .withSeed(mlp.seed())
                        .withDevice(device));
            }
            case "djl": {
                String url = settings.url()
                        .filter(u -> !u.isBlank())
                        .orElseThrow(() ->
                                new IllegalArgumentException("the djl kind needs SYNOD_MODEL_URL (synod.model.url)"));
                Device device = engineDevice(settings);
                VerifiedArtifact artifact = new SavedModelLoader(workDir)
                        .fetch(url, settings.digest().orElse(null));
                return new SavedDjlModel(SavedNeuralForecaster.open(artifact, device), device);
            }
            default:
                if (TextClassifiers.isKind(kind)) {
                    LabelSet labels = LabelSet.parse(settings.labels());
                    return new ClassificationModel(
                            kind,
                            TextClassifiers.usesEngine(kind) ? "synod_onnx" : "synod_java",
                            TextClassifiers.definitionDigest(kind, labels),
                            TextClassifiers.create(kind, labels, settings.threads()));
                }
                throw new IllegalArgumentException("unknown model kind '" + kind
                        + "': use last, ma, ema, trend, snaive, mlp, djl, loss-forecaster or a text classifier ("
                        + String.join(", ", TextClassifiers.KINDS) + ")");
        }
    }

    private static Device engineDevice(ModelSettings settings) {
        DjlRuntime.NativeEngine engine = DjlRuntime.pytorch();
        Device device = DeviceSelector.select(settings.device());
        LOG.infof(
                "DJL PyTorch %s natives from %s, %d GPU(s) visible; the model runs on %s",
                engine.version(), engine.libraryDir(), engine.gpuCount(), device);
        return device;
    }
}
