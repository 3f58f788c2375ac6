package network.synod.core.synthesis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import network.synod.core.loss.LossFunction;

/**
 * What happens once an epoch's truth is revealed (allora.md §2.2, §2.3, §3): every value of the bundle gets
 * its log10 loss, every regret moves by its EMA, the topic's initial regret and robust scale are recomputed,
 * and each worker gets its one-out score.
 */
public final class AlloraScoring {

    private AlloraScoring() {}

    /** The next state, the epoch's losses and its scores. */
    public record Result(RegretState next, EpochLosses losses, EpochScores scores) {}

    public static Result score(TopicParams params, RegretState state, ValueBundle bundle, double truth) {
        EpochLosses losses = losses(params, bundle, truth);
        double a = params.alpha();

        SortedMap<String, Double> combined = new TreeMap<>(state.combined());
        losses.inferers()
                .forEach((j, l) -> combined.put(j, ema(a, losses.combined() - l, state.regretOr(state.combined(), j))));
        losses.forecasters()
                .forEach((k, l) -> combined.put(k, ema(a, losses.combined() - l, state.regretOr(state.combined(), k))));

        SortedMap<String, Double> naive = new TreeMap<>(state.naive());
        losses.inferers().forEach((j, l) -> naive.put(j, ema(a, losses.naive() - l, state.regretOr(state.naive(), j))));

        SortedMap<String, SortedMap<String, Double>> oneOutInferer = new TreeMap<>(state.oneOutInferer());
        losses.oneOutInferers().forEach((out, ref) -> {
            SortedMap<String, Double> prev = state.oneOutInferer().get(out);
            SortedMap<String, Double> r = new TreeMap<>(prev == null ? Map.of() : prev);
            losses.inferers().forEach((j, l) -> {
                if (!j.equals(out)) {
                    r.put(j, ema(a, ref - l, state.regretOr(prev, j)));
                }
            });
            SortedMap<String, Double> implied =
                    losses.oneOutInfererForecasters().get(out);
            if (implied != null) {
                implied.forEach((k, l) -> r.put(k, ema(a, ref - l, state.regretOr(prev, k))));
            }
            oneOutInferer.put(out, r);
        });

        SortedMap<String, SortedMap<String, Double>> oneOutForecaster = new TreeMap<>(state.oneOutForecaster());
        losses.oneOutForecasters().forEach((out, ref) -> {
            SortedMap<String, Double> prev = state.oneOutForecaster().get(out);
            SortedMap<String, Double> r = new TreeMap<>(prev == null ? Map.of() : prev);
            losses.inferers().forEach((j, l) -> r.put(j, ema(a, ref - l, state.regretOr(prev, j))));
            losses.forecasters().forEach((k, l) -> {
                if (!k.equals(out)) {
                    r.put(k, ema(a, ref - l, state.regretOr(prev, k)));
                }
            });
            oneOutForecaster.put(out, r);
        });

        SortedMap<String, SortedMap<String, Double>> oneInForecaster = new TreeMap<>(state.oneInForecaster());
        losses.oneInForecasters().forEach((in, ref) -> {
            SortedMap<String, Double> prev = state.oneInForecaster().get(in);
            SortedMap<String, Double> r = new TreeMap<>(prev == null ? Map.of() : prev);
            losses.inferers().forEach((j, l) -> r.put(j, ema(a, ref - l, state.regretOr(prev, j))));
            r.put(in, ema(a, ref - losses.forecasters().get(in), state.regretOr(prev, in)));
            oneInForecaster.put(in, r);
        });

        SortedMap<String, Long> inclusions = new TreeMap<>(state.inclusions());
        for (String id : bundle.weights().keySet()) {
            inclusions.merge(id, 1L, Long::sum);
        }
        for (String id : losses.inferers().keySet()) {
            inclusions.putIfAbsent(id, 1L);
        }

        double initialRegret = initialRegret(params, combined, inclusions, state.initialRegret());
        double scale = scale(params, combined, bundle.weights());
        RegretState next = new RegretState(
                state.epochs() + 1,
                initialRegret,
                scale,
                losses.combined(),
                combined,
                naive,
                oneOutInferer,
                oneOutForecaster,
                oneInForecaster,
                inclusions,
                bundle.weights());
        return new Result(next, losses, scores(losses));
    }

    static EpochLosses losses(TopicParams params, ValueBundle b, double truth) {
        LossFunction f = params.loss();
        double floor = params.lossFloor();
        SortedMap<String, SortedMap<String, Double>> oneOutImplied = new TreeMap<>();
        b.oneOutInfererForecastImplied().forEach((out, m) -> oneOutImplied.put(out, logLosses(f, m, truth, floor)));
        return new EpochLosses(
                f.log10(truth, b.combined(), floor),
                f.log10(truth, b.naive(), floor),
                logLosses(f, b.inferences(), truth, floor),
                logLosses(f, b.forecastImplied(), truth, floor),
                logLosses(f, b.oneOutInferers(), truth, floor),
                oneOutImplied,
                logLosses(f, b.oneOutForecasters(), truth, floor),
                logLosses(f, b.oneInForecasters(), truth, floor));
    }

    private static SortedMap<String, Double> logLosses(
            LossFunction f, SortedMap<String, Double> values, double truth, double floor) {
        SortedMap<String, Double> out = new TreeMap<>();
        values.forEach((id, v) -> out.put(id, f.log10(truth, v, floor)));
        return out;
    }

    /**
     * Allora's scores: an inferer's T_ij = L⁻_{ji} − L_i (0 when alone); a forecaster's
     * T_ik = f⁺·(L⁻_i − L⁺_{ki}) + (1 − f⁺)·(L⁻_{ki} − L_i) with f⁺ = 2^{−(N_f − 1)} (0 when alone).
     */
    static EpochScores scores(EpochLosses l) {
        SortedMap<String, Double> inferers = new TreeMap<>();
        for (String j : l.inferers().keySet()) {
            Double oneOut = l.oneOutInferers().get(j);
            inferers.put(j, oneOut == null ? 0.0 : oneOut - l.combined());
        }
        SortedMap<String, Double> forecasters = new TreeMap<>();
        int nf = l.forecasters().size();
        double fPlus = Math.pow(2, -(nf - 1));
        for (String k : l.forecasters().keySet()) {
            Double out = l.oneOutForecasters().get(k);
            Double in = l.oneInForecasters().get(k);
            forecasters.put(
                    k, out == null || in == null ? 0.0 : fPlus * (l.naive() - in) + (1 - fPlus) * (out - l.combined()));
        }
        return new EpochScores(inferers, forecasters, l.naive() - l.combined());
    }

    /**
     * R_init = Q_0.25(R_exp) + (c − 8.25/p)·(σ(R_exp) + ε) over experienced actors (inclusions ≥ 1/α);
     * unchanged while there are none.
     */
    static double initialRegret(
            TopicParams params,
            SortedMap<String, Double> regrets,
            SortedMap<String, Long> inclusions,
            double previous) {
        double threshold = 1.0 / params.alpha();
        List<Double> experienced = new ArrayList<>();
        regrets.forEach((id, r) -> {
            Long n = inclusions.get(id);
            if (n != null && n >= threshold - 1e-9) {
                experienced.add(r);
            }
        });
        if (experienced.isEmpty()) {
            return previous;
        }
        double[] xs = experienced.stream().mapToDouble(Double::doubleValue).toArray();
        return Stats.quantile(xs, TopicParams.INITIAL_REGRET_QUANTILE)
                + (params.c() - TopicParams.P_NORM_SAFE_DIV / params.p()) * (Stats.sampleStd(xs) + params.epsilon());
    }

    /**
     * The common scale 1.4826·MAD(R) + ε over the actors whose weight in this epoch's combination exceeded
     * 1e-6, or over all of them if fewer than two did: actors the network ignores do not stretch the scale.
     */
    static double scale(TopicParams params, SortedMap<String, Double> regrets, SortedMap<String, Double> weights) {
        List<Double> kept = new ArrayList<>();
        weights.forEach((id, w) -> {
            if (w > TopicParams.MIN_WEIGHT_FOR_SCALE && regrets.containsKey(id)) {
                kept.add(regrets.get(id));
            }
        });
        if (kept.size() < 2) {
            kept.clear();
            weights.keySet().forEach(id -> {
                if (regrets.containsKey(id)) {
                    kept.add(regrets.get(id));
                }
            });
        }
        if (kept.isEmpty()) {
            return 1.0;
        }
        double[] xs = kept.stream().mapToDouble(Double::doubleValue).toArray();
        return Math.abs(1.4826 * Stats.mad(xs)) + params.epsilon();
    }

    static double ema(double alpha, double value, double previous) {
        return alpha * value + (1 - alpha) * previous;
    }
}
