package network.synod.core.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class ReferenceForecastersTest {

    private static ForecastContext ctx(double... w) {
        return new ForecastContext(w.length, w, 0);
    }

    @Test
    void handValues() {
        ForecastContext c = ctx(1, 2, 4, 8, 16, 32);
        assertEquals(32, ReferenceForecasters.byKind("last", 0).predict(c), 0);
        assertEquals(
                (2 + 4 + 8 + 16 + 32) / 5.0,
                ReferenceForecasters.byKind("ma", 0).predict(c),
                1e-12);
        // s = 1; then 0.3·2 + 0.7·1 = 1.3; 0.3·4 + 0.7·1.3 = 2.11; 0.3·8 + 0.7·2.11 = 3.877;
        // 0.3·16 + 0.7·3.877 = 7.5139; 0.3·32 + 0.7·7.5139 = 14.85973
        assertEquals(14.85973, ReferenceForecasters.byKind("ema", 0).predict(c), 1e-12);
        assertEquals(5, new ReferenceForecasters.SeasonalNaive(3).predict(ctx(9, 5, 7, 6)), 0);
    }

    @Test
    void trendExtrapolatesALineExactly() {
        double[] w = new double[12];
        for (int i = 0; i < w.length; i++) {
            w[i] = 3 + 2.5 * i;
        }
        assertEquals(3 + 2.5 * 12, ReferenceForecasters.byKind("trend", 0).predict(ctx(w)), 1e-9);
    }

    @Test
    void theReferenceSetFollowsTheSeason() {
        assertEquals(
                List.of("last", "ma5", "ema0.3", "trend10"),
                ReferenceForecasters.forSeason(0).stream().map(Forecaster::name).toList());
        assertEquals("snaive12", ReferenceForecasters.forSeason(12).get(4).name());
    }

    @Test
    void badInputIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> ReferenceForecasters.byKind("trend", 0).predict(ctx(1, 2)));
        assertThrows(IllegalArgumentException.class, () -> ReferenceForecasters.byKind("snaive", 0));
        assertThrows(IllegalArgumentException.class, () -> ReferenceForecasters.byKind("nope", 0));
        assertThrows(IllegalArgumentException.class, () -> ctx(1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> ctx());
    }
}
