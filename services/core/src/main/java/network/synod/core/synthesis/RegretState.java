package network.synod.core.synthesis;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A topic's learnt state under Allora's rules, after some number of scored epochs. Immutable; every scored
 * epoch produces the next one. Maps are sorted by id so that every machine iterates them in the same order.
 *
 * @param epochs scored epochs so far
 * @param initialRegret the regret a newcomer starts from; exactly 0 until experienced actors exist (cold start)
 * @param scale the robust regret scale (1.4826·MAD + ε) used to normalise regrets at the next synthesis
 * @param lastNetworkLoss the latest combined log10 loss L_{i−1}, null before the first scored epoch
 * @param combined regrets R_ij and R_ik against the combined inference
 * @param naive regrets R⁻_ij against the naive inference
 * @param oneOutInferer for each withheld inferer j′, the regrets against I⁻_{j′i}
 * @param oneOutForecaster for each withheld forecaster k′, the regrets against I⁻_{k′i}
 * @param oneInForecaster for each forecaster k′ alone with the inferers, the regrets against I⁺_{k′i}
 * @param inclusions scored epochs each actor took part in (an actor with ≥ 1/α is experienced)
 * @param lastWeights the combined inference's normalised weights at the latest scored epoch
 */
public record RegretState(
        long epochs,
        double initialRegret,
        double scale,
        Double lastNetworkLoss,
        SortedMap<String, Double> combined,
        SortedMap<String, Double> naive,
        SortedMap<String, SortedMap<String, Double>> oneOutInferer,
        SortedMap<String, SortedMap<String, Double>> oneOutForecaster,
        SortedMap<String, SortedMap<String, Double>> oneInForecaster,
        SortedMap<String, Long> inclusions,
        SortedMap<String, Double> lastWeights) {

    public RegretState {
        combined = frozen(combined);
        naive = frozen(naive);
        oneOutInferer = frozenNested(oneOutInferer);
        oneOutForecaster = frozenNested(oneOutForecaster);
        oneInForecaster = frozenNested(oneInForecaster);
        inclusions = inclusions == null
                ? Collections.emptySortedMap()
                : Collections.unmodifiableSortedMap(new TreeMap<>(inclusions));
        lastWeights = frozen(lastWeights);
    }

    /** A topic that has scored nothing yet. */
    public static RegretState initial() {
        return new RegretState(0, 0.0, 1.0, null, null, null, null, null, null, null, null);
    }

    /** An actor's regret in {@code regrets}, or the topic's initial regret for a newcomer. */
    public double regretOr(SortedMap<String, Double> regrets, String id) {
        Double r = regrets == null ? null : regrets.get(id);
        return r == null ? initialRegret : r;
    }

    private static SortedMap<String, Double> frozen(SortedMap<String, Double> m) {
        return m == null ? Collections.emptySortedMap() : Collections.unmodifiableSortedMap(new TreeMap<>(m));
    }

    private static SortedMap<String, SortedMap<String, Double>> frozenNested(
            SortedMap<String, SortedMap<String, Double>> m) {
        TreeMap<String, SortedMap<String, Double>> copy = new TreeMap<>();
        if (m != null) {
            m.forEach((k, v) -> copy.put(k, frozen(v)));
        }
        return Collections.unmodifiableSortedMap(copy);
    }
}
