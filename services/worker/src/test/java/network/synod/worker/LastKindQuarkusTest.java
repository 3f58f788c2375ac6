package network.synod.worker;

import java.io.IOException;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The last kind over OIP answers exactly what the reference forecaster answers. */
@QuarkusTest
class LastKindQuarkusTest {

    @Test
    void answersEqualTheForecaster() throws IOException {
        ReferenceKinds.answersEqualTheForecaster("last");
    }
}
