package network.synod.core.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LossFunctionTest {

    @Test
    void handValues() {
        assertEquals(4.0, LossFunction.SQUARED.of(3, 1), 0);
        assertEquals(2.0, LossFunction.ABSOLUTE.of(1, 3), 0);
        assertEquals(-Math.log(0.8), LossFunction.LOG_LOSS.of(1, 0.8), 1e-15);
        assertEquals(-Math.log(0.8), LossFunction.LOG_LOSS.of(0, 0.2), 1e-15);
        assertEquals(2.0, LossFunction.SQUARED.log10(10, 0, 1e-9), 1e-9);
        assertEquals(-9.0, LossFunction.SQUARED.log10(1, 1, 1e-9), 1e-12);
    }

    @Test
    void confidentMissesAreFiniteAndBadOutcomesRefused() {
        assertEquals(-Math.log(1e-15), LossFunction.LOG_LOSS.of(1, 0), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> LossFunction.LOG_LOSS.of(2, 0.5));
        assertEquals(LossFunction.ABSOLUTE, LossFunction.fromId("mae"));
        assertThrows(IllegalArgumentException.class, () -> LossFunction.fromId("rmse"));
    }
}
