package network.synod.core.synthesis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One topic's synthesis as two pure functions: {@link #infer} forms the network's answer from the workers'
 * answers and the topic's state; {@link #score} takes the revealed truth and returns the next state with the
 * epoch's losses and scores. The gateway calls the first, scoring the second; an in-process replay calls both
 * and gets the same numbers.
 */
public final class Synthesizer {

    private Synthesizer() {}

    /** The epoch's outcome once its truth is known. */
    public record Scored(TopicState next, EpochLosses losses, EpochScores scores, double networkLoss) {}

    /**
     * @param last the latest revealed value (the context window's last)
     * @param inferences each inferer's answer by id; at least one
     * @param forecasts each forecaster's predicted log10 losses: forecaster → (inferer → loss); may be empty
     */
    public static NetworkInference infer(
            TopicParams params,
            TopicState state,
            double last,
            SortedMap<String, Double> inferences,
            SortedMap<String, SortedMap<String, Double>> forecasts) {
        for (Map.Entry<String, Double> e : inferences.entrySet()) {
            if (e.getValue() == null || !Double.isFinite(e.getValue())) {
                throw new IllegalArgumentException("inference of " + e.getKey() + " is not a finite number");
            }
        }
        ValueBundle bundle = AlloraSynthesis.synthesize(params, state.allora(), inferences, forecasts);
        Double stacked = Stacker.stacked(state.synod(), last, inferences);
        if (params.mode() == SynthesisMode.ALLORA) {
            double[] band = alloraBand(bundle);
            return new NetworkInference(
                    SynthesisMode.ALLORA,
                    bundle.combined(),
                    band,
                    bundle.weights(),
                    bundle,
                    last,
                    bundle.combined(),
                    stacked);
        }
        boolean useStack = stacked != null && Stacker.prefersStack(state.synod());
        double value = useStack ? stacked : bundle.combined();
        SortedMap<String, Double> weights = useStack ? stackWeights(state.synod(), inferences) : bundle.weights();
        return new NetworkInference(
                SynthesisMode.SYNOD,
                value,
                residualBand(state.synod(), value, bundle),
                weights,
                bundle,
                last,
                bundle.combined(),
                stacked);
    }

    public static Scored score(TopicParams params, TopicState state, NetworkInference inference, double truth) {
        if (!Double.isFinite(truth)) {
            throw new IllegalArgumentException("the ground truth must be a finite number, got " + truth);
        }
        AlloraScoring.Result allora = AlloraScoring.score(params, state.allora(), inference.bundle(), truth);
        StackingState synod = Stacker.learn(
                state.synod(),
                inference.last(),
                inference.bundle().inferences(),
                inference.stackedValue(),
                inference.alloraValue(),
                inference.value(),
                truth);
        SortedMap<String, List<Double>> recent = new TreeMap<>(state.recentLosses());
        allora.losses().inferers().forEach((id, loss) -> {
            List<Double> h = new ArrayList<>(recent.getOrDefault(id, List.of()));
            h.add(loss);
            if (h.size() > TopicState.LOSS_HISTORY) {
                h.remove(0);
            }
            recent.put(id, List.copyOf(h));
        });
        double networkLoss = params.loss().log10(truth, inference.value(), params.lossFloor());
        return new Scored(new TopicState(allora.next(), synod, recent), allora.losses(), allora.scores(), networkLoss);
    }

    /** Allora's band: weighted percentiles of the inferences and forecast-implied inferences. */
    static double[] alloraBand(ValueBundle b) {
        SortedMap<String, Double> values = new TreeMap<>(b.inferences());
        values.putAll(b.forecastImplied());
        double[] v = new double[b.weights().size()];
        double[] w = new double[v.length];
        int i = 0;
        for (Map.Entry<String, Double> e : b.weights().entrySet()) {
            v[i] = values.get(e.getKey());
            w[i++] = e.getValue();
        }
        return Stats.weightedPercentiles(v, w, NetworkInference.BAND_PERCENTILES);
    }

    /**
     * The synod band: the answer plus the empirical percentiles of its recent residuals, a calibrated
     * predictive interval; Allora's band until enough residuals exist.
     */
    static double[] residualBand(StackingState s, double value, ValueBundle b) {
        if (s.residuals().length < 30) {
            return alloraBand(b);
        }
        double[] band = new double[NetworkInference.BAND_PERCENTILES.length];
        for (int i = 0; i < band.length; i++) {
            band[i] = value + Stats.quantile(s.residuals(), NetworkInference.BAND_PERCENTILES[i] / 100.0);
        }
        return band;
    }

    /** The stack's coefficients as the weights of the answer (they may be negative and need not sum to 1). */
    static SortedMap<String, Double> stackWeights(StackingState s, SortedMap<String, Double> inferences) {
        double[] beta = Stacker.coefficients(s);
        SortedMap<String, Double> w = new TreeMap<>();
        int i = 1;
        for (String id : inferences.keySet()) {
            w.put(id, beta[i++]);
        }
        return w;
    }
}
