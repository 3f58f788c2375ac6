package network.synod.core.synthesis;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything a topic has learnt: Allora's regrets (kept in both modes, since scores and rewards follow
 * Allora), the synod combiner's state, and each inferer's recent log10 losses that forecasters learn from.
 */
public record TopicState(RegretState allora, StackingState synod, SortedMap<String, List<Double>> recentLosses) {

    /** How many recent losses per inferer the state keeps for forecasters. */
    public static final int LOSS_HISTORY = 32;

    public static TopicState initial() {
        return new TopicState(RegretState.initial(), StackingState.initial(), new TreeMap<>());
    }

    public long epochs() {
        return allora.epochs();
    }
}
