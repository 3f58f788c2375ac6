package network.synod.worker;

import static org.hamcrest.Matchers.containsString;

import java.io.IOException;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** The snaive kind over OIP answers exactly what the reference forecaster answers. */
@QuarkusTest
@TestProfile(KindProfiles.Snaive.class)
class SnaiveKindQuarkusTest {

    @Test
    void answersEqualTheForecaster() throws IOException {
        ReferenceKinds.answersEqualTheForecaster("snaive");
    }

    @Test
    void aTopicWithoutSeasonIsBadInput() {
        Oip.post("model", Oip.windowRequest(new double[] {1, 2, 3}, 3, 0))
                .then()
                .statusCode(400)
                .body("error", containsString("season"));
    }

    @Test
    void aWindowShorterThanTheSeasonIsBadInput() {
        Oip.post("model", Oip.windowRequest(new double[] {1, 2, 3}, 3, 12))
                .then()
                .statusCode(400)
                .body("error", containsString("at least 12"));
    }
}
