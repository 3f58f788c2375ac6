package network.synod.core.synthesis;

import java.util.Arrays;

/** The few order statistics the synthesis needs, on plain arrays. */
public final class Stats {

    private Stats() {}

    public static double mean(double[] xs) {
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return s / xs.length;
    }

    /** The Bessel-corrected standard deviation; 0 for fewer than two values. */
    public static double sampleStd(double[] xs) {
        if (xs.length < 2) {
            return 0;
        }
        double m = mean(xs);
        double ss = 0;
        for (double x : xs) {
            ss += (x - m) * (x - m);
        }
        return Math.sqrt(ss / (xs.length - 1));
    }

    public static double median(double[] xs) {
        return quantile(xs, 0.5);
    }

    /** The q-quantile with linear interpolation between order statistics (numpy's default). */
    public static double quantile(double[] xs, double q) {
        double[] s = xs.clone();
        Arrays.sort(s);
        double pos = q * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }

    /** The median absolute deviation from the median. */
    public static double mad(double[] xs) {
        double m = median(xs);
        double[] dev = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            dev[i] = Math.abs(xs[i] - m);
        }
        return median(dev);
    }

    /**
     * Weighted percentiles as Allora computes its confidence band: values sorted, each placed at
     * (cumulative weight − own weight / 2) / total weight, linear interpolation between, clamped at the ends.
     */
    public static double[] weightedPercentiles(double[] values, double[] weights, double[] percents) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double[] pos = new double[values.length];
        double[] sorted = new double[values.length];
        double cum = 0;
        for (int i = 0; i < order.length; i++) {
            double w = weights[order[i]];
            cum += w;
            pos[i] = (cum - w / 2) / total;
            sorted[i] = values[order[i]];
        }
        double[] out = new double[percents.length];
        for (int k = 0; k < percents.length; k++) {
            double q = percents[k] / 100.0;
            if (q <= pos[0]) {
                out[k] = sorted[0];
            } else if (q >= pos[pos.length - 1]) {
                out[k] = sorted[sorted.length - 1];
            } else {
                int i = 0;
                while (pos[i + 1] < q) {
                    i++;
                }
                double f = pos[i + 1] == pos[i] ? 0 : (q - pos[i]) / (pos[i + 1] - pos[i]);
                out[k] = sorted[i] + f * (sorted[i + 1] - sorted[i]);
            }
        }
        return out;
    }
}
