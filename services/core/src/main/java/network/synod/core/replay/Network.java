package network.synod.core.replay;

import java.util.SortedMap;

import network.synod.core.forecast.ForecastContext;

/** What a replay drives: a network that answers a step and then learns its truth. */
public interface Network {

    /** The network's answer for {@code context.step()} and each worker's own answer. */
    Answer ask(ForecastContext context) throws Exception;

    /** Reveals the truth of a step the network answered. */
    void reveal(long step, double truth) throws Exception;

    /** One step's answers. */
    record Answer(double value, SortedMap<String, Double> workers) {}
}
