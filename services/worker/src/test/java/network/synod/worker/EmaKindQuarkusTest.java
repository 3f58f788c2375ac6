package network.synod.worker;

import java.io.IOException;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** The ema kind over OIP answers exactly what the reference forecaster answers. */
@QuarkusTest
@TestProfile(KindProfiles.Ema.class)
class EmaKindQuarkusTest {

    @Test
    void answersEqualTheForecaster() throws IOException {
        ReferenceKinds.answersEqualTheForecaster("ema");
    }
}
