package network.synod.core.synthesis;

import java.util.SortedMap;

/**
 * The network's answer for one epoch: its value, a confidence band at the 2.28, 15.87, 50, 84.13 and 97.72
 * percentiles, the weight each worker had, and the Allora value bundle scoring needs once the truth is known.
 *
 * @param last the latest revealed value the answer was formed from
 * @param alloraValue the Allora combination (equal to {@code value} in the allora mode)
 * @param stackedValue the synod stack's answer, null when it had none
 */
public record NetworkInference(
        SynthesisMode mode,
        double value,
        double[] band,
        SortedMap<String, Double> weights,
        ValueBundle bundle,
        double last,
        double alloraValue,
        Double stackedValue) {

    /** The percentiles of the band, ±1σ and ±2σ equivalents. */
    public static final double[] BAND_PERCENTILES = {2.28, 15.87, 50, 84.13, 97.72};
}
