package network.synod.payouts.economics;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Per-actor reward fractions from instantaneous scores (allora.md §4.3).
 *
 * <ul>
 * <li>Workers: {@code u_j = M(T_j) / Σ M}, {@code M(T) = φ_{p,c}(T / (σ(T) + ε))}, {@code φ_{p,c}(x) = ln(1 + e^{p(x−c)})};
 * equal shares when the scores do not spread (σ &lt; ε).</li>
 * <li>Reputers: {@code w_m ∝ (S_m · T_m)^{p_R}}.</li>
 * </ul>
 * All maths uses {@link StrictMath} so that every replica computes the same bits.
 */
public final class RewardFractions {

    /** Allora's EpsilonSafeDiv. */
    public static final double EPSILON = 1e-7;

    private RewardFractions() {}

    /** Allora's potential {@code φ_{p,c}(x) = ln(1 + e^{p(x − c)})}, evaluated without overflow for large x. */
    public static double phi(double p, double c, double x) {
        double z = p * (x - c);
        return z > 35 ? z : StrictMath.log1p(StrictMath.exp(z));
    }

    /** Population standard deviation. */
    static double stdDev(Iterable<Double> values) {
        double n = 0;
        double sum = 0;
        for (double v : values) {
            n++;
            sum += v;
        }
        if (n == 0) {
            return 0;
        }
        double mean = sum / n;
        double sq = 0;
        for (double v : values) {
            sq += (v - mean) * (v - mean);
        }
        return StrictMath.sqrt(sq / n);
    }

    /** Inferer or forecaster fractions; they sum to 1 (up to double rounding) when there is anyone. */
    public static SortedMap<String, Double> workers(SortedMap<String, Double> scores, double p, double c) {
        SortedMap<String, Double> out = new TreeMap<>();
        if (scores.isEmpty()) {
            return out;
        }
        double sigma = stdDev(scores.values());
        if (sigma < EPSILON) {
            scores.keySet().forEach(id -> out.put(id, 1.0 / scores.size()));
            return out;
        }
        // Copying a sorted map takes linear time (inserting 100,000 keys one by one does not); the values are then
        // replaced in key order, the order the total is summed in.
        TreeMap<String, Double> potentials = new TreeMap<>(scores);
        double total = 0;
        for (Map.Entry<String, Double> e : potentials.entrySet()) {
            double m = phi(p, c, e.getValue() / (sigma + EPSILON));
            e.setValue(m);
            total += m;
        }
        return normalise(potentials, total);
    }

    /** Reputer fractions, weighted by stake on the topic (own plus delegated) and consensus score. */
    public static SortedMap<String, Double> reputers(
            SortedMap<String, Double> scores, Map<String, Long> stakes, double pReward) {
        SortedMap<String, Double> out = new TreeMap<>();
        if (scores.isEmpty()) {
            return out;
        }
        double total = 0;
        for (Map.Entry<String, Double> e : scores.entrySet()) {
            double stake = stakes.getOrDefault(e.getKey(), 0L);
            double product = stake * e.getValue();
            double w = product > 0 && Double.isFinite(product) ? StrictMath.pow(product, pReward) : 0;
            out.put(e.getKey(), w);
            total += w;
        }
        if (!(total > 0) || Double.isInfinite(total)) {
            // Nobody has both stake and a positive score: no basis to prefer anyone, share equally.
            scores.keySet().forEach(id -> out.put(id, 1.0 / scores.size()));
            return out;
        }
        return normalise(out, total);
    }

    private static SortedMap<String, Double> normalise(SortedMap<String, Double> raw, double total) {
        if (!(total > 0) || Double.isInfinite(total)) {
            raw.replaceAll((id, v) -> 1.0 / raw.size());
            return raw;
        }
        raw.replaceAll((id, v) -> v / total);
        return raw;
    }
}
