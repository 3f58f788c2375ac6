package network.synod.core.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * The five reference forecasters of {@code shared/data/README.md}, one step ahead, using only values
 * before the forecast step. They are stateless: everything comes from the context window.
 */
public final class ReferenceForecasters {

    private ReferenceForecasters() {}

    /** last, ma5, ema0.3, trend10 and, when the topic has a season M, snaiveM; ordered as listed. */
    public static List<Forecaster> forSeason(int season) {
        List<Forecaster> all = new ArrayList<>(List.of(new Last(), new MovingAverage(5), new Ema(0.3), new Trend(10)));
        if (season > 0) {
            all.add(new SeasonalNaive(season));
        }
        return List.copyOf(all);
    }

    /** Builds one reference forecaster by its kind as the worker runtime names it. */
    public static Forecaster byKind(String kind, int season) {
        return switch (kind) {
            case "last" -> new Last();
            case "ma", "ma5" -> new MovingAverage(5);
            case "ema", "ema0.3" -> new Ema(0.3);
            case "trend", "trend10" -> new Trend(10);
            case "snaive" -> {
                if (season <= 0) {
                    throw new IllegalArgumentException("a seasonal naive forecaster needs a season > 0");
                }
                yield new SeasonalNaive(season);
            }
            default -> throw new IllegalArgumentException("unknown reference forecaster kind: " + kind);
        };
    }

    static void require(ForecastContext c, int n, String name) {
        if (c.size() < n) {
            throw new IllegalArgumentException(name + " needs at least " + n + " revealed values, got " + c.size());
        }
    }

    /** y[t-1]. */
    public record Last() implements Forecaster {
        public String name() {
            return "last";
        }

        public int minimumHistory(int season) {
            return 1;
        }

        public double predict(ForecastContext c) {
            return c.lag(1);
        }
    }

    /** The mean of y[t-k..t-1]. */
    public record MovingAverage(int k) implements Forecaster {
        public String name() {
            return "ma" + k;
        }

        public int minimumHistory(int season) {
            return k;
        }

        public double predict(ForecastContext c) {
            require(c, k, name());
            double sum = 0;
            for (int lag = k; lag >= 1; lag--) {
                sum += c.lag(lag);
            }
            return sum / k;
        }
    }

    /**
     * s ← a·y[t−1] + (1−a)·s, with s initialised to the first value of the window. Over the whole history
     * this is exactly the reference definition; over a window of 100 values or more the start's influence is
     * below (1−a)^99 (1e-15 for a = 0.3), so any replica gives the same answer to double precision.
     */
    public record Ema(double a) implements Forecaster {
        public String name() {
            return "ema" + a;
        }

        public int minimumHistory(int season) {
            return 1;
        }

        public double predict(ForecastContext c) {
            double[] w = c.window();
            double s = w[0];
            for (int i = 1; i < w.length; i++) {
                s = a * w[i] + (1 - a) * s;
            }
            return s;
        }
    }

    /** The least-squares line through y[t−k..t−1], extrapolated one step. */
    public record Trend(int k) implements Forecaster {
        public String name() {
            return "trend" + k;
        }

        public int minimumHistory(int season) {
            return k;
        }

        public double predict(ForecastContext c) {
            require(c, k, name());
            // x = 0..k-1 for y[t-k..t-1]; the forecast is at x = k.
            double xMean = (k - 1) / 2.0;
            double yMean = 0;
            for (int i = 0; i < k; i++) {
                yMean += c.lag(k - i);
            }
            yMean /= k;
            double sxy = 0;
            double sxx = 0;
            for (int i = 0; i < k; i++) {
                double dx = i - xMean;
                sxy += dx * (c.lag(k - i) - yMean);
                sxx += dx * dx;
            }
            return yMean + sxy / sxx * (k - xMean);
        }
    }

    /** y[t−M]. */
    public record SeasonalNaive(int m) implements Forecaster {
        public String name() {
            return "snaive" + m;
        }

        public int minimumHistory(int season) {
            return m;
        }

        public double predict(ForecastContext c) {
            require(c, m, name());
            return c.lag(m);
        }
    }
}
