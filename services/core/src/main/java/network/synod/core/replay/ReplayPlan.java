package network.synod.core.replay;

/**
 * How a series is replayed, as {@code shared/data/README.md} defines it: the network is asked from step
 * t0 = max(10, M) on, every worker and the network are scored on those same steps, and the loss floor is
 * 1e-6 × the mean squared first difference over the warm-up steps before t0.
 *
 * @param window how many revealed values each request carries (enough for the season and the models)
 */
public record ReplayPlan(int season, int firstStep, int window, double lossFloor) {

    public static ReplayPlan of(double[] values, int season) {
        int t0 = Math.max(10, season);
        if (values.length <= t0) {
            throw new IllegalArgumentException("the series has " + values.length + " steps; replaying it with season "
                    + season + " needs more than " + t0);
        }
        double sum = 0;
        for (int s = 1; s < t0; s++) {
            sum += (values[s] - values[s - 1]) * (values[s] - values[s - 1]);
        }
        double floor = 1e-6 * sum / (t0 - 1);
        if (!(floor > 0)) {
            // A constant warm-up has no scale; fall back to a tiny absolute floor.
            floor = 1e-12;
        }
        // Two seasons and a step: enough for the seasonal lag and the neural forecaster's seasonal features.
        return new ReplayPlan(season, t0, Math.max(128, 2 * season + 1), floor);
    }

    /** The revealed values a request for {@code step} carries: the last {@code window} before it. */
    public double[] contextFor(double[] values, int step) {
        int from = Math.max(0, step - window);
        double[] w = new double[step - from];
        System.arraycopy(values, from, w, 0, w.length);
        return w;
    }
}
