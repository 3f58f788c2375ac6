package network.synod.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;

import network.synod.core.forecast.ForecastContext;
import network.synod.core.forecast.ReferenceForecasters;

/** The check every reference-kind test makes. */
final class ReferenceKinds {

    private ReferenceKinds() {}

    /** Over a stretch of the real CO2 series, the OIP answer equals the direct call of the forecaster. */
    static void answersEqualTheForecaster(String kind) throws IOException {
        double[] co2 = Series.load("co2_monthly");
        for (int t = 30; t < 130; t++) {
            double[] w = Oip.window(co2, t, 128);
            double direct = ReferenceForecasters.byKind(kind, 12).predict(new ForecastContext(t, w, 12));
            assertEquals(direct, Oip.forecast(w, t, 12), 0.0, kind + " at step " + t);
        }
    }
}
