package network.synod.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import network.synod.models.neural.NeuralForecaster;
import network.synod.models.saved.ArtifactDigest;

/** A neural forecaster trained on the first 300 CO2 values and saved once per test run to a temp dir. */
final class SavedMlp {

    static final String SERIES = "co2_monthly";
    static final int SEASON = 12;
    private static Path dir;

    private SavedMlp() {
    }

    static synchronized Path dir() {
        if (dir == null) {
            try {
                Path d = Files.createTempDirectory("synod-saved-mlp");
                double[] co2 = Series.load(SERIES);
                try (NeuralForecaster f = new NeuralForecaster(SEASON,
                        NeuralForecaster.Settings.defaults().withRetrainEvery(10_000))) {
                    f.reveal(0, Arrays.copyOf(co2, 300));
                    f.save(d);
                }
                dir = d;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    static String url() {
        return dir().toUri().toString();
    }

    static String sha256() {
        try {
            return ArtifactDigest.sha256(dir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
