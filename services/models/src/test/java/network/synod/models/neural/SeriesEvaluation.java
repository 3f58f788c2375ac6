package network.synod.models.neural;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import network.synod.core.forecast.ForecastContext;
import network.synod.core.forecast.Forecaster;
import network.synod.core.forecast.ReferenceForecasters;
import network.synod.core.testing.SeriesMeta;

/**
 * One-step replay of a shipped series through the neural forecaster and the five reference forecasters,
 * scored on the steps the data README scores (t >= max(10, M)). Run as a program it prints the table
 * quoted in the module's figures.
 */
public final class SeriesEvaluation {

    /** Seasons from shared/data/series/meta.json. */
    static final Map<String, Integer> SEASONS = SeriesMeta.seasons();

    /** The figures of one series. */
    record Result(
            String series,
            int steps,
            double mlpMse,
            String bestName,
            double bestMse,
            double halfHalfMse,
            double seconds,
            int trainings) {

        double ratio() {
            return mlpMse / bestMse;
        }

        double halfHalfRatio() {
            return halfHalfMse / bestMse;
        }
    }

    private SeriesEvaluation() {}

    static Path seriesDir() {
        return Path.of(System.getProperty("synod.series.dir", "../../../shared/data/series"));
    }

    static double[] load(String name) throws IOException {
        List<String> lines = Files.readAllLines(seriesDir().resolve(name + ".csv"));
        double[] v = new double[lines.size() - 1];
        for (int i = 1; i < lines.size(); i++) {
            v[i - 1] = Double.parseDouble(lines.get(i).substring(lines.get(i).lastIndexOf(',') + 1));
        }
        return v;
    }

    /** Replays {@code values} (or its first {@code limit} values) and scores every forecaster. */
    static Result evaluate(String name, double[] all, int season, int limit, NeuralForecaster.Settings settings) {
        double[] values = limit > 0 && limit < all.length ? java.util.Arrays.copyOf(all, limit) : all;
        List<Forecaster> refs = ReferenceForecasters.forSeason(season);
        double[] refSse = new double[refs.size()];
        double mlpSse = 0;
        double[][] refPred = new double[values.length][refs.size()];
        double[] mlpPred = new double[values.length];
        int from = Math.max(10, season);
        long start = System.nanoTime();
        int trainings;
        try (NeuralForecaster mlp = new NeuralForecaster(season, settings)) {
            int width = Math.max(128, mlp.lookback());
            for (int t = 1; t < values.length; t++) {
                ForecastContext c =
                        new ForecastContext(t, java.util.Arrays.copyOfRange(values, Math.max(0, t - width), t), season);
                if (t >= from) {
                    mlpPred[t] = mlp.predict(c);
                    for (int r = 0; r < refs.size(); r++) {
                        refPred[t][r] = refs.get(r).predict(c);
                    }
                }
                mlp.observe(c, values[t]);
            }
            trainings = mlp.trainings();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int steps = values.length - from;
        for (int t = from; t < values.length; t++) {
            mlpSse += sq(mlpPred[t] - values[t]);
            for (int r = 0; r < refs.size(); r++) {
                refSse[r] += sq(refPred[t][r] - values[t]);
            }
        }
        int best = 0;
        for (int r = 1; r < refs.size(); r++) {
            if (refSse[r] < refSse[best]) {
                best = r;
            }
        }
        double halfHalf = 0;
        for (int t = from; t < values.length; t++) {
            halfHalf += sq(0.5 * (mlpPred[t] + refPred[t][best]) - values[t]);
        }
        return new Result(
                name,
                steps,
                mlpSse / steps,
                refs.get(best).name(),
                refSse[best] / steps,
                halfHalf / steps,
                seconds,
                trainings);
    }

    private static double sq(double x) {
        return x * x;
    }

    public static void main(String[] args) throws IOException {
        List<Result> results = new ArrayList<>();
        System.out.printf(
                "| series | steps | best reference | MSE best | MSE mlp | mlp/best | MSE ½(mlp+best) | ½/best | trainings | seconds |%n");
        System.out.printf("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|%n");
        for (Map.Entry<String, Integer> e : SEASONS.entrySet()) {
            if (args.length > 0 && !List.of(args).contains(e.getKey())) {
                continue;
            }
            Result r = evaluate(e.getKey(), load(e.getKey()), e.getValue(), 0, NeuralForecaster.Settings.defaults());
            results.add(r);
            System.out.printf(
                    "| %s | %d | %s | %.6g | %.6g | %.3f | %.6g | %.3f | %d | %.1f |%n",
                    r.series(),
                    r.steps(),
                    r.bestName(),
                    r.bestMse(),
                    r.mlpMse(),
                    r.ratio(),
                    r.halfHalfMse(),
                    r.halfHalfRatio(),
                    r.trainings(),
                    r.seconds());
        }
        double g = 1;
        double h = 1;
        for (Result r : results) {
            g *= r.ratio();
            h *= r.halfHalfRatio();
        }
        System.out.printf(
                "geometric mean mlp/best %.3f, ½(mlp+best)/best %.3f%n",
                Math.pow(g, 1.0 / results.size()), Math.pow(h, 1.0 / results.size()));
    }
}
