package network.synod.models.neural;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.util.Arrays;
import java.util.Random;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;

import network.synod.core.forecast.ForecastContext;
import network.synod.core.forecast.Forecaster;
import network.synod.models.DjlRuntime;
import network.synod.models.saved.Sha256;

/**
 * A small multilayer perceptron that forecasts the next first difference of a series from scale-free
 * features of its recent window, trained with DJL's PyTorch engine only on values already revealed.
 *
 * <p>It keeps the revealed values it has been shown, trains as soon as it has {@code minSamples}
 * examples and then again after every {@code retrainEvery} newly revealed values. Until it has trained,
 * or when a window is shorter than its features need, it answers with the last value. Given the same
 * seed and the same revealed values it gives the same forecasts: the engine's seed fixes the initial
 * weights and a seeded {@link Random} fixes the order of the training examples.
 */
public final class NeuralForecaster implements Forecaster, AutoCloseable {

    /** The file, beside the saved parameters, that records what the parameters need to be used again. */
    public static final String PROPERTIES_FILE = "synod-mlp.properties";
    /** The prefix of the saved parameter file ({@code mlp-0000.params}). */
    public static final String MODEL_NAME = "mlp";

    private static final String ENGINE = "PyTorch";
    private static final int BATCH = 32;
    private static final Object SEED_LOCK = new Object();

    /** How the forecaster learns; {@link #defaults()} keeps a 5,000-step pass to a few seconds. */
    public record Settings(
            int retrainEvery, int firstEpochs, int epochs, int maxSamples, int minSamples, long seed, Device device) {

        public Settings {
            if (retrainEvery < 1 || firstEpochs < 1 || epochs < 1 || maxSamples < 1 || minSamples < 1) {
                throw new IllegalArgumentException("neural forecaster settings must be positive: " + this);
            }
        }

        /** Retrain every 250 revealed values, 30 epochs the first time and 4 after, on at most 2,000 examples. */
        public static Settings defaults() {
            return new Settings(250, 30, 4, 2000, 100, 42L, Device.cpu());
        }

        public Settings withRetrainEvery(int n) {
            return new Settings(n, firstEpochs, epochs, maxSamples, minSamples, seed, device);
        }

        public Settings withMinSamples(int n) {
            return new Settings(retrainEvery, firstEpochs, epochs, maxSamples, n, seed, device);
        }

        public Settings withSeed(long s) {
            return new Settings(retrainEvery, firstEpochs, epochs, maxSamples, minSamples, s, device);
        }

        public Settings withDevice(Device d) {
            return new Settings(retrainEvery, firstEpochs, epochs, maxSamples, minSamples, seed, d);
        }
    }

    private final NeuralFeatures features;
    private final Settings settings;
    private final Model model;
    private final Trainer trainer;
    private final Predictor<ForecastContext, Double> predictor;
    private final Loss loss = Loss.l2Loss();
    private final Random shuffle;

    private double[] history = new double[0];
    private long historyFirstStep = -1;
    private int sinceTraining;
    private int trainings;
    private String parametersSha256;

    /** A forecaster for a topic with this season (0 = none) that learns with these settings. */
    public NeuralForecaster(int season, Settings settings) {
        this.features = new NeuralFeatures(season);
        DjlRuntime.configure();
        this.settings = settings;
        this.shuffle = new Random(settings.seed());
        this.model = Model.newInstance(MODEL_NAME, settings.device(), ENGINE);
        model.setBlock(network());
        DefaultTrainingConfig config = new DefaultTrainingConfig(loss)
                .optOptimizer(Optimizer.adam()
                        .optLearningRateTracker(Tracker.fixed(1e-3f))
                        .build())
                .optDevices(new Device[] {settings.device()});
        this.trainer = model.newTrainer(config);
        // The engine's seed is global; hold it while the weights are drawn so concurrent builds stay reproducible.
        synchronized (SEED_LOCK) {
            Engine.getEngine(ENGINE).setRandomSeed((int) settings.seed());
            trainer.initialize(new Shape(1, features.size()));
        }
        this.predictor = model.newPredictor(new NeuralTranslator(features));
        this.parametersSha256 = digestParameters();
    }

    /** A forecaster with {@link Settings#defaults()}. */
    public NeuralForecaster(int season) {
        this(season, Settings.defaults());
    }

    /** The network: two small hidden layers are enough for a handful of scale-free inputs. */
    public static Block network() {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(32).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits(16).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits(1).build());
    }

    @Override
    public String name() {
        return MODEL_NAME;
    }

    /** One value is enough: before the features' lookback it answers with the last value. */
    @Override
    public int minimumHistory(int season) {
        return 1;
    }

    public int season() {
        return features.season();
    }

    /** The window length from which the network, rather than the last-value fallback, answers. */
    public int lookback() {
        return features.lookback();
    }

    @Override
    public synchronized double predict(ForecastContext context) {
        requireSeason(context);
        if (trainings == 0 || context.size() < features.lookback()) {
            return context.lag(1);
        }
        try {
            return predictor.predict(context);
        } catch (TranslateException e) {
            throw new IllegalStateException("the neural forecaster failed to predict " + context, e);
        }
    }

    /** Learns from the revealed value of {@code context.step()}; the window is revealed too. */
    @Override
    public synchronized void observe(ForecastContext context, double revealed) {
        requireSeason(context);
        double[] window = context.window();
        double[] values = Arrays.copyOf(window, window.length + 1);
        values[window.length] = revealed;
        reveal(context.step() - window.length, values);
    }

    /**
     * Learns from revealed values, the first of which is the series' value at {@code firstStep}. Steps
     * already held are skipped; a gap after the newest held step starts the history again from these values.
     */
    public synchronized void reveal(long firstStep, double[] values) {
        int added;
        long next = historyFirstStep + history.length;
        if (historyFirstStep < 0 || firstStep > next) {
            history = values.clone();
            historyFirstStep = firstStep;
            added = values.length;
        } else {
            long skip = next - firstStep;
            added = (int) Math.max(0, values.length - skip);
            if (added > 0) {
                double[] grown = Arrays.copyOf(history, history.length + added);
                System.arraycopy(values, (int) skip, grown, history.length, added);
                history = grown;
            }
        }
        forgetOldHistory();
        sinceTraining += added;
        if (added > 0
                && examples() >= settings.minSamples()
                && (trainings == 0 || sinceTraining >= settings.retrainEvery())) {
            train();
        }
    }

    /** Whether every value in {@code values} (starting at {@code firstStep}) that it still holds is equal. */
    public synchronized boolean agrees(long firstStep, double[] values) {
        for (int i = 0; i < values.length; i++) {
            long at = firstStep + i - historyFirstStep;
            if (historyFirstStep >= 0
                    && at >= 0
                    && at < history.length
                    && Double.compare(history[(int) at], values[i]) != 0) {
                return false;
            }
        }
        return true;
    }

    /** The step of the newest revealed value it has learnt from, or -1 before any. */
    public synchronized long revealedUntil() {
        return historyFirstStep < 0 ? -1 : historyFirstStep + history.length - 1;
    }

    /** How many times it has trained. */
    public synchronized int trainings() {
        return trainings;
    }

    /** The sha256 of the current network parameters, in DJL's parameter format, as lowercase hex. */
    public synchronized String parametersSha256() {
        return parametersSha256;
    }

    /** Saves the parameters as {@code mlp-0000.params} and the season in {@value #PROPERTIES_FILE} under {@code dir}. */
    public synchronized void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        model.save(dir, MODEL_NAME);
        // Written by hand rather than with Properties.store, whose date comment would change the digest of every save.
        Files.writeString(
                dir.resolve(PROPERTIES_FILE),
                "# Synod neural forecaster: scale-free MLP over NeuralFeatures\n" + "season=" + features.season()
                        + "\ninputs=" + features.size() + "\n");
    }

    @Override
    public synchronized void close() {
        predictor.close();
        trainer.close();
        model.close();
    }

    private int examples() {
        return Math.max(0, history.length - features.lookback());
    }

    private void train() {
        int first = Math.max(features.lookback(), history.length - settings.maxSamples());
        int n = history.length - first;
        int width = features.size();
        float[] x = new float[n * width];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(features.at(history, first + i), 0, x, i * width, width);
            y[i] = features.target(history, first + i);
        }
        int epochs = trainings == 0 ? settings.firstEpochs() : settings.epochs();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int epoch = 0; epoch < epochs; epoch++) {
            shuffle(order);
            for (int start = 0; start < n; start += BATCH) {
                trainBatch(x, y, order, start, Math.min(n, start + BATCH), width);
            }
        }
        trainings++;
        sinceTraining = 0;
        parametersSha256 = digestParameters();
    }

    private void trainBatch(float[] x, float[] y, int[] order, int from, int to, int width) {
        int b = to - from;
        float[] bx = new float[b * width];
        float[] by = new float[b];
        for (int i = 0; i < b; i++) {
            System.arraycopy(x, order[from + i] * width, bx, i * width, width);
            by[i] = y[order[from + i]];
        }
        try (NDManager batch = trainer.getManager().newSubManager()) {
            NDArray input = batch.create(bx, new Shape(b, width));
            NDArray label = batch.create(by, new Shape(b, 1));
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDList prediction = trainer.forward(new NDList(input));
                collector.backward(loss.evaluate(new NDList(label), prediction));
            }
            trainer.step();
        }
    }

    private void shuffle(int[] order) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = shuffle.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /** Training reads at most maxSamples examples, so older values only cost memory. */
    private void forgetOldHistory() {
        int keep = settings.maxSamples() + features.lookback() + settings.retrainEvery();
        if (history.length > 2 * keep) {
            int drop = history.length - keep;
            history = Arrays.copyOfRange(history, drop, history.length);
            historyFirstStep += drop;
        }
    }

    private void requireSeason(ForecastContext context) {
        if (context.season() != features.season()) {
            throw new IllegalArgumentException("this neural forecaster learns a topic with season " + features.season()
                    + ", got a request with season " + context.season());
        }
    }

    private String digestParameters() {
        Sha256 sha = new Sha256();
        try (DigestOutputStream out = sha.stream();
                DataOutputStream data = new DataOutputStream(out)) {
            model.getBlock().saveParameters(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sha.hex();
    }
}
