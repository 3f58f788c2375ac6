package network.synod.core.forecast;

import java.util.Arrays;

/**
 * Everything a worker may use to answer one request: the values the network has already revealed
 * (oldest first, the most recent last), the step being forecast and the topic's season.
 *
 * <p>A request carries its whole context so that any replica of a worker can answer it, and so that no
 * worker can see a value before the network reveals it: the window ends at the step before {@code step}.
 */
public record ForecastContext(long step, double[] window, int season) {

    public ForecastContext {
        if (window == null || window.length == 0) {
            throw new IllegalArgumentException("the context window must hold at least one revealed value");
        }
        for (double v : window) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("the context window holds a value that is not finite: " + v);
            }
        }
        if (season < 0) {
            throw new IllegalArgumentException("season must be >= 0 (0 = none), got " + season);
        }
        window = window.clone();
    }

    /** The value {@code lag} steps back (1 = the most recent). */
    public double lag(int lag) {
        return window[window.length - lag];
    }

    public int size() {
        return window.length;
    }

    @Override
    public double[] window() {
        return window.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ForecastContext c
                && c.step == step
                && c.season == season
                && Arrays.equals(c.window, window);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(step) + Arrays.hashCode(window) + season;
    }

    @Override
    public String toString() {
        return "ForecastContext[step=" + step + ", size=" + window.length + ", season=" + season + "]";
    }
}
