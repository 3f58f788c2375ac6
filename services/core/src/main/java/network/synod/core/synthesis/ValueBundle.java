package network.synod.core.synthesis;

import java.util.SortedMap;

/**
 * Everything Allora's synthesis computes for one epoch, before the truth is known: the combined inference,
 * the naive one (inferers only), each forecaster's forecast-implied inference, and the one-out / one-in
 * variants whose losses later measure what each worker added.
 *
 * @param weights the normalised weights of the combined inference, inferers and forecasters, summing to 1
 * @param coldStart true while the topic has no initial regret yet and every combination is a plain mean
 */
public record ValueBundle(
        double combined,
        double naive,
        SortedMap<String, Double> inferences,
        SortedMap<String, Double> forecastImplied,
        SortedMap<String, Double> oneOutInferers,
        SortedMap<String, SortedMap<String, Double>> oneOutInfererForecastImplied,
        SortedMap<String, Double> oneOutForecasters,
        SortedMap<String, Double> oneInForecasters,
        SortedMap<String, Double> weights,
        boolean coldStart) {}
