package network.synod.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import network.synod.models.saved.ArtifactDigest;

/**
 * A neural forecaster trained on the first 300 CO2 values and saved under src/test/resources/models/co2-mlp
 * (made with NeuralForecaster.save, default settings, season 12).
 *
 * <p>It is a checked-in file rather than trained in the test profile because profiles run in their own
 * class loader, and PyTorch's native library can be loaded by only one class loader per JVM.
 */
final class SavedMlp {

    static final String SERIES = "co2_monthly";
    static final int SEASON = 12;

    private SavedMlp() {}

    static Path dir() {
        return Path.of("src/test/resources/models/co2-mlp").toAbsolutePath();
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
