package network.synod.models.neural;

import java.util.Random;

/** Small reproducible series for tests. */
public final class SyntheticSeries {

    private SyntheticSeries() {}

    /** A noisy monthly-seasonal series with a trend: the shape the seasonal features are for. */
    public static double[] seasonal(int n, long seed) {
        Random r = new Random(seed);
        double[] v = new double[n];
        for (int t = 0; t < n; t++) {
            v[t] = 100 + 0.05 * t + 5 * Math.sin(2 * Math.PI * t / 12) + r.nextGaussian() * 0.3;
        }
        return v;
    }
}
