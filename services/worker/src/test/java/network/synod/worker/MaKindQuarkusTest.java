package network.synod.worker;

import java.io.IOException;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** The ma kind over OIP answers exactly what the reference forecaster answers. */
@QuarkusTest
@TestProfile(KindProfiles.Ma.class)
class MaKindQuarkusTest {

    @Test
    void answersEqualTheForecaster() throws IOException {
        ReferenceKinds.answersEqualTheForecaster("ma");
    }
}
