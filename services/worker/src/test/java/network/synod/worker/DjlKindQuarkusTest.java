package network.synod.worker;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;

import ai.djl.Device;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import network.synod.core.forecast.ForecastContext;
import network.synod.models.saved.SavedModelLoader;
import network.synod.models.saved.SavedNeuralForecaster;

/** The djl kind: a saved MLP from a file: URL, digest checked, answering as the saved model does. */
@QuarkusTest
@TestProfile(KindProfiles.SavedDjl.class)
class DjlKindQuarkusTest {

    @BeforeEach
    void ready() throws InterruptedException {
        Oip.awaitReady();
    }

    @Test
    void answersEqualTheSavedForecasterLoadedDirectly() throws Exception {
        double[] co2 = Series.load(SavedMlp.SERIES);
        SavedModelLoader loader = new SavedModelLoader(Files.createTempDirectory("direct"));
        try (SavedNeuralForecaster direct =
                SavedNeuralForecaster.open(loader.fetch(SavedMlp.url(), null), Device.cpu())) {
            for (int t = 300; t < 400; t++) {
                double[] w = Oip.window(co2, t, 64);
                assertEquals(
                        direct.predict(new ForecastContext(t, w, SavedMlp.SEASON)),
                        Oip.forecast(w, t, SavedMlp.SEASON),
                        0.0,
                        "step " + t);
            }
        }
    }

    @Test
    void metadataReportsTheArtifactDigestAndDevice() {
        given().get("/v2/models/model")
                .then()
                .statusCode(200)
                .body("platform", equalTo("pytorch_djl"))
                .body("parameters.kind", equalTo("djl"))
                .body("parameters.device", equalTo("cpu"))
                .body("parameters.sha256", equalTo(SavedMlp.sha256()));
    }

    @Test
    void aRequestForAnotherSeasonIsBadInput() {
        Oip.post("model", Oip.windowRequest(new double[] {1, 2, 3}, 3, 7))
                .then()
                .statusCode(400)
                .body("error", containsString("season 12"));
    }
}
