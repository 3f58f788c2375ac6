package network.synod.worker;

import java.io.IOException;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** The trend kind over OIP answers exactly what the reference forecaster answers. */
@QuarkusTest
@TestProfile(KindProfiles.Trend.class)
class TrendKindQuarkusTest {

    @Test
    void answersEqualTheForecaster() throws IOException {
        ReferenceKinds.answersEqualTheForecaster("trend");
    }
}
