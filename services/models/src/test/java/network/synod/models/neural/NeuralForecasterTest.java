package network.synod.models.neural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import network.synod.core.forecast.ForecastContext;

class NeuralForecasterTest {

    private static final NeuralForecaster.Settings QUICK =
            NeuralForecaster.Settings.defaults().withRetrainEvery(50).withMinSamples(40);

    /** Predictions for steps 1..n-1 with the window of everything before each step, observing as it goes. */
    static double[] replay(double[] values, int season, NeuralForecaster.Settings settings) {
        double[] out = new double[values.length];
        try (NeuralForecaster f = new NeuralForecaster(season, settings)) {
            for (int t = 1; t < values.length; t++) {
                ForecastContext c = new ForecastContext(t, Arrays.copyOf(values, t), season);
                out[t] = f.predict(c);
                f.observe(c, values[t]);
            }
        }
        return out;
    }

    @Test
    void answersWithTheLastValueBeforeItHasTrained() {
        try (NeuralForecaster f = new NeuralForecaster(0, QUICK)) {
            ForecastContext c = new ForecastContext(40, SyntheticSeries.seasonal(40, 1), 0);
            assertEquals(c.lag(1), f.predict(c));
            assertEquals(0, f.trainings());
        }
    }

    @Test
    void trainsOnceEnoughIsRevealedAndAgainEveryRetrainInterval() {
        double[] v = SyntheticSeries.seasonal(400, 2);
        try (NeuralForecaster f = new NeuralForecaster(12, QUICK)) {
            int lookback = f.lookback();
            f.reveal(0, Arrays.copyOf(v, lookback + 39));
            assertEquals(0, f.trainings());
            f.reveal(lookback + 39, new double[] {v[lookback + 39]});
            assertEquals(1, f.trainings(), "the 40th example trains it");
            String first = f.parametersSha256();
            f.reveal(0, Arrays.copyOf(v, lookback + 40 + 49));
            assertEquals(1, f.trainings());
            f.reveal(0, Arrays.copyOf(v, lookback + 40 + 50));
            assertEquals(2, f.trainings(), "50 more revealed values retrain it");
            assertNotEquals(first, f.parametersSha256());
            assertEquals(lookback + 89, f.revealedUntil());
        }
    }

    @Test
    void learnsTheSeasonalShapeBetterThanTheLastValue() {
        double[] v = SyntheticSeries.seasonal(600, 3);
        double[] p = replay(v, 12, QUICK);
        double mlp = 0;
        double last = 0;
        for (int t = 300; t < v.length; t++) {
            mlp += Math.pow(p[t] - v[t], 2);
            last += Math.pow(v[t - 1] - v[t], 2);
        }
        assertTrue(mlp < 0.5 * last, "mlp SSE " + mlp + " against last-value SSE " + last);
    }

    @Test
    void theSameSeedAndValuesGiveTheSameForecasts() {
        double[] v = SyntheticSeries.seasonal(300, 4);
        assertArrayEquals(replay(v, 12, QUICK), replay(v, 12, QUICK));
    }

    @Test
    void futureValuesChangeNoEarlierForecast() {
        double[] a = SyntheticSeries.seasonal(300, 5);
        double[] b = a.clone();
        int cut = 200;
        for (int t = cut; t < b.length; t++) {
            b[t] = -b[t] * 3;
        }
        double[] pa = replay(a, 12, QUICK);
        double[] pb = replay(b, 12, QUICK);
        // A forecast for step t sees values before t only, so forecasts up to the cut must agree exactly.
        assertArrayEquals(Arrays.copyOf(pa, cut + 1), Arrays.copyOf(pb, cut + 1));
        assertNotEquals(pa[cut + 1], pb[cut + 1], "the test would be vacuous if later forecasts agreed too");
    }

    @Test
    void aRequestForAnotherSeasonIsRefused() {
        try (NeuralForecaster f = new NeuralForecaster(12, QUICK)) {
            assertThrows(
                    IllegalArgumentException.class, () -> f.predict(new ForecastContext(3, new double[] {1, 2}, 7)));
        }
    }

    @Test
    void agreesChecksOnlyTheOverlap() {
        try (NeuralForecaster f = new NeuralForecaster(0, QUICK)) {
            f.reveal(10, new double[] {1, 2, 3});
            assertTrue(f.agrees(11, new double[] {2, 3, 99}));
            assertTrue(f.agrees(0, new double[] {5}));
            assertEquals(false, f.agrees(12, new double[] {4}));
        }
    }

    @Test
    void addsInformationOnRealSeasonalSeries() throws IOException {
        // The two short monthly series keep this test to a few seconds; the full table is SeriesEvaluation.main.
        for (String name : new String[] {"co2_monthly", "elnino_sst_monthly"}) {
            SeriesEvaluation.Result r = SeriesEvaluation.evaluate(
                    name,
                    SeriesEvaluation.load(name),
                    SeriesEvaluation.SEASONS.get(name),
                    0,
                    NeuralForecaster.Settings.defaults());
            assertTrue(
                    r.ratio() < 0.8,
                    name + ": mlp MSE " + r.mlpMse() + " against best " + r.bestName() + " " + r.bestMse());
        }
    }
}
