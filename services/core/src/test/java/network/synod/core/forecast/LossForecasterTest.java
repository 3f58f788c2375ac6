package network.synod.core.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LossForecasterTest {

    private final LossForecaster spanThree = new LossForecaster();

    @Test
    void spanThreeWeighsTheNewestLossByOneHalf() {
        assertEquals(3, spanThree.span());
        assertEquals(0.5, spanThree.alpha());
    }

    @Test
    void aSingleLossPredictsItself() {
        assertEquals(-2.0, spanThree.predict(new double[] {-2.0}));
    }

    @Test
    void handWorkedAverage() {
        // s = 1; s = 0.5*2 + 0.5*1 = 1.5; s = 0.5*4 + 0.5*1.5 = 2.75
        assertEquals(2.75, spanThree.predict(new double[] {1, 2, 4}), 1e-15);
        // s = -3; s = 0.5*-1 + 0.5*-3 = -2; s = 0.5*-1 + 0.5*-2 = -1.5; s = 0.5*-5 + 0.5*-1.5 = -3.25
        assertEquals(-3.25, spanThree.predict(new double[] {-3, -1, -1, -5}), 1e-15);
    }

    @Test
    void otherSpans() {
        // span 1: alpha 1, the last loss
        assertEquals(7.0, new LossForecaster(1).predict(new double[] {1, 3, 7}));
        // span 4: alpha 0.4; s = 0; s = 0.4*5 = 2; s = 0.4*-5 + 0.6*2 = -0.8
        assertEquals(-0.8, new LossForecaster(4).predict(new double[] {0, 5, -5}), 1e-15);
    }

    @Test
    void rowsArePredictedInOrder() {
        double[][] histories = {{1, 2, 4}, {-2}, {0, 0}};
        assertArrayEquals(new double[] {2.75, -2.0, 0.0}, spanThree.predict(histories), 1e-15);
    }

    @Test
    void badHistoriesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> spanThree.predict(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> spanThree.predict(new double[] {1, Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> spanThree.predict(new double[] {Double.NEGATIVE_INFINITY}));
        assertThrows(IllegalArgumentException.class, () -> new LossForecaster(0));
    }
}
