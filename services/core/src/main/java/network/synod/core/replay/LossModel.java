package network.synod.core.replay;

import java.util.List;
import java.util.SortedMap;

import network.synod.core.forecast.ForecastContext;

/** A forecaster's model: each inferer's predicted log10 loss on the next step, from their revealed losses. */
@FunctionalInterface
public interface LossModel {

    SortedMap<String, Double> predict(ForecastContext context, SortedMap<String, List<Double>> lossHistory);
}
