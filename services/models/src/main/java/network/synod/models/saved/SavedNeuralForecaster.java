package network.synod.models.saved;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;

import network.synod.core.forecast.ForecastContext;
import network.synod.core.forecast.Forecaster;
import network.synod.models.neural.NeuralFeatures;
import network.synod.models.neural.NeuralForecaster;
import network.synod.models.neural.NeuralTranslator;

/**
 * A frozen neural forecaster loaded from a saved {@link NeuralForecaster} ({@code mlp-0000.params} plus
 * {@value NeuralForecaster#PROPERTIES_FILE}); it does not learn further.
 */
public final class SavedNeuralForecaster implements Forecaster, AutoCloseable {

    private final ZooModel<ForecastContext, Double> model;
    private final Predictor<ForecastContext, Double> predictor;
    private final NeuralFeatures features;
    private final String sha256;

    private SavedNeuralForecaster(ZooModel<ForecastContext, Double> model, NeuralFeatures features, String sha256) {
        this.model = model;
        this.predictor = model.newPredictor();
        this.features = features;
        this.sha256 = sha256;
    }

    /** Loads the saved forecaster in a verified artifact onto {@code device}. */
    public static SavedNeuralForecaster open(VerifiedArtifact artifact, Device device)
            throws IOException, MalformedModelException, ModelNotFoundException {
        Path dir = artifact.modelPath();
        Path properties = dir.resolve(NeuralForecaster.PROPERTIES_FILE);
        if (!Files.isRegularFile(properties)) {
            throw new MalformedModelException(
                    "not a saved Synod neural forecaster (no " + NeuralForecaster.PROPERTIES_FILE + " in " + dir + ")");
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(properties)) {
            p.load(in);
        }
        NeuralFeatures features =
                new NeuralFeatures(Integer.parseInt(p.getProperty("season", "0").trim()));
        ZooModel<ForecastContext, Double> model = SavedModelLoader.load(
                artifact,
                ForecastContext.class,
                Double.class,
                new NeuralTranslator(features),
                NeuralForecaster.network(),
                NeuralForecaster.MODEL_NAME,
                device);
        return new SavedNeuralForecaster(model, features, artifact.sha256());
    }

    @Override
    public String name() {
        return "djl";
    }

    @Override
    public int minimumHistory(int season) {
        return 1;
    }

    public int season() {
        return features.season();
    }

    /** The sha256 of the artifact it was loaded from. */
    public String sha256() {
        return sha256;
    }

    /** Before the features' lookback it answers with the last value, as the learning forecaster does. */
    @Override
    public synchronized double predict(ForecastContext context) {
        if (context.season() != features.season()) {
            throw new IllegalArgumentException("this saved model was trained for season " + features.season()
                    + ", got a request with season " + context.season());
        }
        if (context.size() < features.lookback()) {
            return context.lag(1);
        }
        try {
            return predictor.predict(context);
        } catch (TranslateException e) {
            throw new IllegalStateException("the saved model failed to predict " + context, e);
        }
    }

    @Override
    public synchronized void close() {
        predictor.close();
        model.close();
    }
}
