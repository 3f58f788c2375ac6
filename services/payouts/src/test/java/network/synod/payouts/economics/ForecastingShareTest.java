package network.synod.payouts.economics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ForecastingShareTest {

    @Test
    void usefulForecastingRaisesChiAboveItsFloor() {
        // τ = 0.1 · (0.5 − min(0, 1)) / 1 = 0.05; χ = 0.4 · 0.05 + 0.1 = 0.12; γ = (1 + 1)/(0.88 + 0.12) = 2
        ForecastingShare.Result r = ForecastingShare.of(0.5, 1.0, 0, 0.1, 1, 1);
        assertEquals(0.05, r.tau(), 1e-15);
        assertEquals(0.12, r.chi(), 1e-15);
        assertEquals(2.0, r.gamma(), 1e-12);
    }

    @Test
    void chiIsClampedBetweenOneTenthAndOneHalf() {
        assertEquals(0.1, ForecastingShare.of(-5, 1, 0, 0.1, 1, 1).chi(), 1e-15);
        assertEquals(0.5, ForecastingShare.of(0, 1, 2, 0.1, 1, 1).chi(), 1e-15);
    }

    @Test
    void noEntropyMeansNeutralGamma() {
        assertEquals(1.0, ForecastingShare.of(0.5, 1, 0, 0.1, 0, 0).gamma());
    }
}
