package network.synod.models.saved;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import ai.djl.Device;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import network.synod.core.forecast.ForecastContext;
import network.synod.models.neural.NeuralForecaster;
import network.synod.models.neural.SyntheticSeries;

class SavedModelLoaderTest {

    @TempDir
    static Path tmp;

    static Path saved;
    static double[] series;
    static double[] expected;

    /** Trains a small MLP on a seasonal series, records its forecasts and saves it. */
    @BeforeAll
    static void trainAndSave() throws IOException {
        series = SyntheticSeries.seasonal(200, 9);
        saved = tmp.resolve("mlp-model");
        try (NeuralForecaster f = new NeuralForecaster(
                12, NeuralForecaster.Settings.defaults().withRetrainEvery(1000).withMinSamples(100))) {
            f.reveal(0, Arrays.copyOf(series, 150));
            assertEquals(1, f.trainings());
            expected = new double[series.length];
            for (int t = 150; t < series.length; t++) {
                expected[t] = f.predict(context(t));
            }
            f.save(saved);
        }
    }

    static ForecastContext context(int t) {
        return new ForecastContext(t, Arrays.copyOf(series, t), 12);
    }

    SavedModelLoader loader() {
        return new SavedModelLoader(tmp.resolve("work"));
    }

    @Test
    void aSavedMlpLoadsFromAFileUrlAndForecastsAsBefore() throws Exception {
        VerifiedArtifact a = loader().fetch(saved.toUri().toString(), null);
        assertEquals(ArtifactDigest.sha256(saved), a.sha256());
        try (SavedNeuralForecaster f = SavedNeuralForecaster.open(a, Device.cpu())) {
            assertEquals(12, f.season());
            for (int t = 150; t < series.length; t++) {
                assertEquals(expected[t], f.predict(context(t)), 1e-9, "step " + t);
            }
            ForecastContext shortWindow = new ForecastContext(5, new double[] {1, 2, 3}, 12);
            assertEquals(3.0, f.predict(shortWindow));
        }
    }

    @Test
    void theExpectedDigestLetsItLoad() throws Exception {
        String digest = ArtifactDigest.sha256(saved);
        VerifiedArtifact a = loader().fetch(saved.toUri().toString(), digest.toUpperCase());
        assertEquals(digest, a.sha256());
    }

    @Test
    void aDifferentDigestRefusesToLoad() {
        String wrong = "0".repeat(64);
        DigestMismatchException e = assertThrows(
                DigestMismatchException.class,
                () -> loader().fetch(saved.toUri().toString(), wrong));
        assertEquals(wrong, e.expected());
        assertTrue(e.getMessage().contains("refusing to load"), e.getMessage());
    }

    @Test
    void aChangedParameterFileChangesTheDigest() throws Exception {
        Path copy = tmp.resolve("tampered");
        Files.createDirectories(copy);
        try (var files = Files.list(saved)) {
            for (Path p : files.toList()) {
                Files.copy(p, copy.resolve(p.getFileName()));
            }
        }
        assertEquals(ArtifactDigest.sha256(saved), ArtifactDigest.sha256(copy));
        Path params = copy.resolve("mlp-0000.params");
        byte[] bytes = Files.readAllBytes(params);
        bytes[bytes.length - 1] ^= 1;
        Files.write(params, bytes);
        assertNotEquals(ArtifactDigest.sha256(saved), ArtifactDigest.sha256(copy));
        assertThrows(
                DigestMismatchException.class,
                () -> loader().fetch(copy.toUri().toString(), ArtifactDigest.sha256(saved)));
    }

    @Test
    void aZippedModelInsideAJarLoadsAndIsDigestedAsShipped() throws Exception {
        Path zip = tmp.resolve("mlp.zip");
        zip(saved, zip);
        Path jar = tmp.resolve("models.jar");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new ZipEntry("models/mlp.zip"));
            Files.copy(zip, out);
            out.closeEntry();
        }
        String url = "jar:" + jar.toUri() + "!/models/mlp.zip";
        VerifiedArtifact a = loader().fetch(url, ArtifactDigest.sha256(zip));
        try (SavedNeuralForecaster f = SavedNeuralForecaster.open(a, Device.cpu())) {
            assertEquals(expected[180], f.predict(context(180)), 1e-9);
        }
    }

    @Test
    void aDirectoryWithoutTheForecasterPropertiesIsNotLoaded() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("not-a-model"));
        Files.writeString(empty.resolve("readme.txt"), "nothing here");
        VerifiedArtifact a = loader().fetch(empty.toUri().toString(), null);
        assertThrows(ai.djl.MalformedModelException.class, () -> SavedNeuralForecaster.open(a, Device.cpu()));
    }

    @Test
    void unknownSchemesAndMissingFilesAreErrors() {
        assertThrows(IOException.class, () -> loader().fetch("ftp://example.org/m.zip", null));
        assertThrows(
                IOException.class,
                () -> loader().fetch(tmp.resolve("absent").toUri().toString(), null));
    }

    private static void zip(Path dir, Path zip) throws IOException {
        try (OutputStream file = Files.newOutputStream(zip);
                ZipOutputStream out = new ZipOutputStream(file);
                var files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                out.putNextEntry(new ZipEntry("mlp/" + p.getFileName()));
                Files.copy(p, out);
                out.closeEntry();
            }
        }
    }
}
