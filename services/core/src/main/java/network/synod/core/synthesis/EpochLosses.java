package network.synod.core.synthesis;

import java.util.SortedMap;

/** The log10 losses of every value in a {@link ValueBundle} once the truth is known. */
public record EpochLosses(
        double combined,
        double naive,
        SortedMap<String, Double> inferers,
        SortedMap<String, Double> forecasters,
        SortedMap<String, Double> oneOutInferers,
        SortedMap<String, SortedMap<String, Double>> oneOutInfererForecasters,
        SortedMap<String, Double> oneOutForecasters,
        SortedMap<String, Double> oneInForecasters) {}
