package network.synod.core.synthesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import network.synod.core.loss.LossFunction;

class ForecastImpliedTest {

    private static final TopicParams PARAMS =
            new TopicParams(LossFunction.SQUARED, SynthesisMode.ALLORA, 0, 0.1, 3.0, 0.75, 1e-4, 1e-9);

    /** A warm state: initial regret −1, scale 0.5, previous network loss −2, regrets a = 0.2, b = −0.1. */
    private static RegretState warm() {
        return new RegretState(
                20, -1.0, 0.5, -2.0, new TreeMap<>(Map.of("a", 0.2, "b", -0.1)), null, null, null, null, null, null);
    }

    @Test
    void forecastImpliedInferenceWeighsTheInferersByForecastedRegret() {
        SortedMap<String, Double> inf = new TreeMap<>(Map.of("a", 10.0, "b", 20.0));
        // Forecasted regrets: a: −2 − (−3) = 1, b: −2 − (−1) = −1; normalised by 0.5: 2 and −2.
        SortedMap<String, SortedMap<String, Double>> forecasts =
                new TreeMap<>(Map.of("f", new TreeMap<>(Map.of("a", -3.0, "b", -1.0))));
        ValueBundle b = AlloraSynthesis.synthesize(PARAMS, warm(), inf, forecasts);
        double wb = Potential.weightRatio(-2, 2, 3, 0.75);
        assertEquals((10 + wb * 20) / (1 + wb), b.forecastImplied().get("f"), 1e-12);
        // The forecaster is new, so it joins the combination with the initial regret −1 (−2 normalised).
        double wa = Potential.weightRatio(0.4, 0.4, 3, 0.75);
        double wbb = Potential.weightRatio(-0.2, 0.4, 3, 0.75);
        double wf = Potential.weightRatio(-2, 0.4, 3, 0.75);
        double expected = (wa * 10 + wbb * 20 + wf * b.forecastImplied().get("f")) / (wa + wbb + wf);
        assertEquals(expected, b.combined(), 1e-12);
        assertEquals(
                1.0,
                b.weights().values().stream().mapToDouble(Double::doubleValue).sum(),
                1e-12);
    }

    @Test
    void forecastElementsForAbsentInferersAreDroppedAndALoneOneIsTakenAsIs() {
        SortedMap<String, Double> inf = new TreeMap<>(Map.of("a", 10.0, "b", 20.0));
        SortedMap<String, SortedMap<String, Double>> forecasts =
                new TreeMap<>(Map.of("f", new TreeMap<>(Map.of("a", -3.0, "ghost", -9.0))));
        ValueBundle b = AlloraSynthesis.synthesize(PARAMS, warm(), inf, forecasts);
        assertEquals(10.0, b.forecastImplied().get("f"), 0);
    }

    @Test
    void forecastersAreSkippedBeforeAnyNetworkLoss() {
        SortedMap<String, Double> inf = new TreeMap<>(Map.of("a", 10.0, "b", 20.0));
        SortedMap<String, SortedMap<String, Double>> forecasts =
                new TreeMap<>(Map.of("f", new TreeMap<>(Map.of("a", -3.0, "b", -1.0))));
        ValueBundle b = AlloraSynthesis.synthesize(PARAMS, RegretState.initial(), inf, forecasts);
        assertTrue(b.forecastImplied().isEmpty());
        assertEquals(15.0, b.combined(), 0);
    }

    @Test
    void oneOutAndOneInVariantsExistOnlyWithSeveralForecasters() {
        SortedMap<String, Double> inf = new TreeMap<>(Map.of("a", 10.0, "b", 20.0, "c", 12.0));
        SortedMap<String, SortedMap<String, Double>> two = new TreeMap<>(Map.of(
                "f", new TreeMap<>(Map.of("a", -3.0, "b", -1.0)),
                "g", new TreeMap<>(Map.of("b", -3.0, "c", -1.0))));
        ValueBundle b = AlloraSynthesis.synthesize(PARAMS, warm(), inf, two);
        assertEquals(2, b.oneOutForecasters().size());
        assertEquals(2, b.oneInForecasters().size());
        assertEquals(3, b.oneOutInferers().size());
        // Withholding b changes what forecaster f implies: only a is left, so f implies a's value.
        assertEquals(10.0, b.oneOutInfererForecastImplied().get("b").get("f"), 0);
        AlloraScoring.Result r = AlloraScoring.score(PARAMS, warm(), b, 11.0);
        assertEquals(2, r.scores().forecasters().size());
        assertFalse(r.next().oneInForecaster().isEmpty());
    }

    @Test
    void theResultDoesNotDependOnInsertionOrder() {
        SortedMap<String, Double> x = new TreeMap<>();
        x.put("b", 20.0);
        x.put("a", 10.0);
        SortedMap<String, Double> y = new TreeMap<>();
        y.put("a", 10.0);
        y.put("b", 20.0);
        assertEquals(
                AlloraSynthesis.synthesize(PARAMS, warm(), x, new TreeMap<>()),
                AlloraSynthesis.synthesize(PARAMS, warm(), y, new TreeMap<>()));
    }

    @Test
    void nonFiniteInferencesAndTruthsAreRejected() {
        SortedMap<String, Double> inf = new TreeMap<>(Map.of("a", Double.NaN));
        assertThrows(
                IllegalArgumentException.class,
                () -> Synthesizer.infer(PARAMS, TopicState.initial(), 1.0, inf, new TreeMap<>()));
        NetworkInference ok =
                Synthesizer.infer(PARAMS, TopicState.initial(), 1.0, new TreeMap<>(Map.of("a", 1.0)), new TreeMap<>());
        assertThrows(
                IllegalArgumentException.class,
                () -> Synthesizer.score(PARAMS, TopicState.initial(), ok, Double.POSITIVE_INFINITY));
    }
}
