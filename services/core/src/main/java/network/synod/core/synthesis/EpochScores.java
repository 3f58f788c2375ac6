package network.synod.core.synthesis;

import java.util.SortedMap;

/**
 * Allora's instantaneous performance scores for one epoch (allora.md §3.2–3.4): what each inferer and
 * forecaster added to the network, in log10-loss units; positive means the network was better with it.
 *
 * @param network the whole forecasting task's score, naive loss minus combined loss
 */
public record EpochScores(SortedMap<String, Double> inferers, SortedMap<String, Double> forecasters, double network) {}
