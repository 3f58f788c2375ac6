package network.synod.worker;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;

import ai.djl.Device;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import network.synod.core.forecast.ForecastContext;
import network.synod.models.neural.NeuralForecaster;

/** The learning mlp kind: equal to a direct forecaster fed the same windows, and blind to the future. */
@QuarkusTest
@TestProfile(KindProfiles.Mlp.class)
class MlpKindQuarkusTest {

    private static final int WIDTH = 128;
    private static final int SEASON = 12;

    @BeforeEach
    void ready() throws InterruptedException {
        Oip.awaitReady();
    }

    /** Replays steps 1..to-1 of {@code series} through the worker, each with the window before it. */
    private static double[] replay(double[] series, int to) {
        double[] out = new double[to];
        for (int t = 1; t < to; t++) {
            out[t] = Oip.forecast(Oip.window(series, t, WIDTH), t, SEASON);
        }
        return out;
    }

    @Test
    void answersEqualADirectNeuralForecasterFedTheSameWindows() throws IOException {
        double[] co2 = Series.load("co2_monthly");
        int to = 250;
        double[] served = replay(co2, to);
        double[] direct = new double[to];
        int trainings;
        try (NeuralForecaster f = new NeuralForecaster(
                SEASON,
                NeuralForecaster.Settings.defaults()
                        .withRetrainEvery(50)
                        .withMinSamples(40)
                        .withSeed(42)
                        .withDevice(Device.cpu()))) {
            for (int t = 1; t < to; t++) {
                double[] w = Oip.window(co2, t, WIDTH);
                f.reveal(t - w.length, w);
                direct[t] = f.predict(new ForecastContext(t, w, SEASON));
            }
            trainings = f.trainings();
        }
        assertTrue(trainings >= 3, "the replay should train the network several times, got " + trainings);
        assertArrayEquals(direct, served);
        assertNotEquals(co2[to - 2], served[to - 1], "a trained network does not just repeat the last value");
    }

    @Test
    void changingFutureValuesChangesNoEarlierPrediction() throws IOException {
        double[] a = Arrays.copyOf(Series.load("co2_monthly"), 260);
        double[] b = a.clone();
        int cut = 180;
        for (int t = cut; t < b.length; t++) {
            b[t] = 2 * b[t] - 300 + 4 * Math.sin(t);
        }
        double[] pa = replay(a, a.length);
        // Going back to step 1 starts the worker's network afresh, so the second replay starts clean.
        double[] pb = replay(b, b.length);
        // The request for step t holds values before t only: up to the cut the two replays saw the same.
        for (int t = 1; t <= cut; t++) {
            assertEquals(pa[t], pb[t], 0.0, "prediction for step " + t);
        }
        assertNotEquals(pa[cut + 1], pb[cut + 1], "the check would be vacuous if later predictions agreed too");
    }

    @Test
    void metadataNamesTheEngineAndTheCurrentParameters() {
        given().get("/v2/models/model")
                .then()
                .statusCode(200)
                .body("platform", equalTo("pytorch_djl"))
                .body("parameters.kind", equalTo("mlp"))
                .body("parameters.device", equalTo("cpu"))
                .body("parameters.sha256", matchesPattern("[0-9a-f]{64}"));
    }

    @Test
    void aStepBeforeTheWindowsEndIsBadInput() {
        Oip.post("model", Oip.windowRequest(new double[] {1, 2, 3}, 2, SEASON))
                .then()
                .statusCode(400)
                .body("error", containsString("parameters.step"));
    }
}
