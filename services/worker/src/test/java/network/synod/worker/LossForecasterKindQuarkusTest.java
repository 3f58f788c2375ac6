package network.synod.worker;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import network.synod.core.forecast.LossForecaster;

/** The loss-forecaster kind answers predicted log10 losses per inferer, as LossForecaster computes them. */
@QuarkusTest
@TestProfile(KindProfiles.LossForecaster.class)
class LossForecasterKindQuarkusTest {

    private static final double[] WINDOW = {1, 2, 3};

    private static String request(String inferers, double[] history, long... shape) {
        return Oip.request(
                "f-1",
                Map.of("step", 3, "inferers", inferers),
                List.of(Oip.tensor("window", WINDOW, WINDOW.length), Oip.tensor("loss_history", history, shape)));
    }

    @Test
    void answersEqualTheLossForecaster() {
        double[][] rows = {{-1.0, -1.5, -2.0, -0.5}, {0.25, 0.5, 1.0, 2.0}, {-3.0, -3.0, -3.0, -3.0}};
        double[] flat = {-1.0, -1.5, -2.0, -0.5, 0.25, 0.5, 1.0, 2.0, -3.0, -3.0, -3.0, -3.0};
        JsonNode r = Oip.ok(Oip.post("model", request("last,ma5,mlp-1", flat, 3, 4)));
        assertEquals("predicted_loss", r.at("/outputs/0/name").asText());
        assertEquals(3, r.at("/outputs/0/shape/0").asInt());
        double[] served = new double[3];
        for (int i = 0; i < 3; i++) {
            served[i] = r.at("/outputs/0/data/" + i).doubleValue();
        }
        assertArrayEquals(new LossForecaster().predict(rows), served, 0.0);
        // hand-worked, span 3: -1 → -1.25 → -1.625 → -1.0625
        assertEquals(-1.0625, served[0], 1e-15);
    }

    @Test
    void metadataListsBothInputs() {
        given().get("/v2/models/model")
                .then()
                .statusCode(200)
                .body("inputs[1].name", equalTo("loss_history"))
                .body("inputs[1].shape", equalTo(List.of(-1, -1)))
                .body("outputs[0].name", equalTo("predicted_loss"))
                .body("parameters.kind", equalTo("loss-forecaster"));
    }

    @Test
    void badLossHistoriesAre400() {
        Oip.post("model", Oip.windowRequest(WINDOW, 3, 0))
                .then()
                .statusCode(400)
                .body("error", containsString("loss_history"));
        Oip.post("model", request("a,b", new double[] {1, 2, 3}, 3))
                .then()
                .statusCode(400)
                .body("error", containsString("shape [k, h]"));
        Oip.post("model", request("a,b,c", new double[] {1, 2, 3, 4}, 2, 2))
                .then()
                .statusCode(400)
                .body("error", containsString("names 3 inferers"));
        Oip.post(
                        "model",
                        "{\"inputs\": [{\"name\": \"window\", \"datatype\": \"FP64\", \"shape\": [1], \"data\": [1]},"
                                + "{\"name\": \"loss_history\", \"datatype\": \"FP64\", \"shape\": [1, 2], \"data\": [1, NaN]}]}")
                .then()
                .statusCode(400)
                .body("error", containsString("not finite"));
    }
}
