package network.synod.core.synthesis;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Allora's inference synthesis under the late rules (allora.md §2): forecast-implied inferences from the
 * forecasters' predicted losses, then one regret-weighted combination per variant (combined, naive, one-out,
 * one-in), every regret normalised by the topic's common robust scale and weighted by φ′(R̂)/φ′(R̂max).
 * While the topic has no initial regret every variant is the plain mean of its inferers.
 */
public final class AlloraSynthesis {

    private AlloraSynthesis() {}

    /**
     * Synthesizes one epoch.
     *
     * @param inferences each inferer's answer, by worker id
     * @param forecasts each forecaster's predicted log10 loss of each inferer: forecaster → (inferer → loss)
     */
    public static ValueBundle synthesize(
            TopicParams params,
            RegretState state,
            SortedMap<String, Double> inferences,
            SortedMap<String, SortedMap<String, Double>> forecasts) {
        if (inferences.isEmpty()) {
            throw new IllegalArgumentException("synthesis needs at least one inference");
        }
        boolean cold = state.initialRegret() == 0.0;
        // Forecasters are skipped until a network loss exists to turn predicted losses into predicted regrets.
        boolean useForecasters = !cold && state.lastNetworkLoss() != null && forecasts != null;

        SortedMap<String, Double> implied =
                useForecasters ? forecastImplied(params, state, inferences, forecasts) : new TreeMap<>();

        SortedMap<String, Double> members = new TreeMap<>(inferences);
        members.putAll(implied);
        Combination combined = cold ? plainMean(inferences) : combine(params, state, members, state.combined());
        double naive = cold ? plainMean(inferences).value : combine(params, state, inferences, state.naive()).value;

        SortedMap<String, Double> oneOutInferers = new TreeMap<>();
        SortedMap<String, SortedMap<String, Double>> oneOutImplied = new TreeMap<>();
        if (inferences.size() > 1) {
            for (String out : inferences.keySet()) {
                SortedMap<String, Double> rest = new TreeMap<>(inferences);
                rest.remove(out);
                SortedMap<String, Double> restImplied =
                        useForecasters ? forecastImplied(params, state, rest, forecasts) : new TreeMap<>();
                oneOutImplied.put(out, restImplied);
                SortedMap<String, Double> m = new TreeMap<>(rest);
                m.putAll(restImplied);
                oneOutInferers.put(
                        out,
                        cold
                                ? plainMean(rest).value
                                : combine(
                                                params,
                                                state,
                                                m,
                                                state.oneOutInferer().get(out))
                                        .value);
            }
        }

        SortedMap<String, Double> oneOutForecasters = new TreeMap<>();
        SortedMap<String, Double> oneInForecasters = new TreeMap<>();
        if (implied.size() > 1) {
            for (String k : implied.keySet()) {
                SortedMap<String, Double> without = new TreeMap<>(members);
                without.remove(k);
                oneOutForecasters.put(
                        k,
                        combine(params, state, without, state.oneOutForecaster().get(k)).value);
                SortedMap<String, Double> with = new TreeMap<>(inferences);
                with.put(k, implied.get(k));
                oneInForecasters.put(
                        k, combine(params, state, with, state.oneInForecaster().get(k)).value);
            }
        }
        return new ValueBundle(
                combined.value,
                naive,
                new TreeMap<>(inferences),
                implied,
                oneOutInferers,
                oneOutImplied,
                oneOutForecasters,
                oneInForecasters,
                combined.weights,
                cold);
    }

    /**
     * I_ik = Σ_j w_ijk·I_ij / Σ_j w_ijk, the weights coming from the forecasted regrets R_ijk = L_{i−1} − L_ijk.
     * Elements for inferers that did not answer are dropped; a forecaster left with none gives nothing.
     */
    static SortedMap<String, Double> forecastImplied(
            TopicParams params,
            RegretState state,
            SortedMap<String, Double> inferences,
            SortedMap<String, SortedMap<String, Double>> forecasts) {
        SortedMap<String, Double> implied = new TreeMap<>();
        for (Map.Entry<String, SortedMap<String, Double>> f : forecasts.entrySet()) {
            SortedMap<String, Double> regrets = new TreeMap<>();
            SortedMap<String, Double> covered = new TreeMap<>();
            for (Map.Entry<String, Double> e : f.getValue().entrySet()) {
                Double value = inferences.get(e.getKey());
                if (value != null) {
                    regrets.put(e.getKey(), state.lastNetworkLoss() - e.getValue());
                    covered.put(e.getKey(), value);
                }
            }
            if (covered.size() == 1) {
                implied.put(f.getKey(), covered.values().iterator().next());
            } else if (covered.size() > 1) {
                implied.put(f.getKey(), weighted(params, state.scale(), covered, regrets).value);
            }
        }
        return implied;
    }

    /** The regret-weighted combination of {@code members}; newcomers take the topic's initial regret. */
    static Combination combine(
            TopicParams params,
            RegretState state,
            SortedMap<String, Double> members,
            SortedMap<String, Double> regrets) {
        if (members.size() == 1) {
            Map.Entry<String, Double> only = members.entrySet().iterator().next();
            return new Combination(only.getValue(), new TreeMap<>(Map.of(only.getKey(), 1.0)));
        }
        SortedMap<String, Double> r = new TreeMap<>();
        for (String id : members.keySet()) {
            r.put(id, state.regretOr(regrets, id));
        }
        return weighted(params, state.scale(), members, r);
    }

    static Combination weighted(
            TopicParams params, double scale, SortedMap<String, Double> values, SortedMap<String, Double> regrets) {
        double max = Double.NEGATIVE_INFINITY;
        for (double r : regrets.values()) {
            max = Math.max(max, r / scale);
        }
        SortedMap<String, Double> w = new TreeMap<>();
        double sum = 0;
        for (Map.Entry<String, Double> e : regrets.entrySet()) {
            double wi = Potential.weightRatio(e.getValue() / scale, max, params.p(), params.c());
            w.put(e.getKey(), wi);
            sum += wi;
        }
        double value = 0;
        for (Map.Entry<String, Double> e : w.entrySet()) {
            double normalised = e.getValue() / sum;
            e.setValue(normalised);
            value += normalised * values.get(e.getKey());
        }
        return new Combination(value, w);
    }

    static Combination plainMean(SortedMap<String, Double> values) {
        double sum = 0;
        for (double v : values.values()) {
            sum += v;
        }
        SortedMap<String, Double> w = new TreeMap<>();
        for (String id : values.keySet()) {
            w.put(id, 1.0 / values.size());
        }
        return new Combination(sum / values.size(), w);
    }

    /** A combined value and the normalised weights that produced it. */
    record Combination(double value, SortedMap<String, Double> weights) {}
}
