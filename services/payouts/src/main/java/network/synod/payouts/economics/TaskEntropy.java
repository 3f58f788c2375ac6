package network.synod.payouts.economics;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The entropy of one task's reward distribution (allora.md §4.3, {@code getInferenceOrForecastTaskEntropy}):
 * EMA the fractions {@code ũ = α·u + (1 − α)·ũ_prev}, normalise {@code f = ũ / Σũ}, effective count
 * {@code N_eff = 1 / Σ f²}, entropy {@code −Σ f ln f · (N_eff / N)^β}. A lone participant gets {@code ln2 / 4}, as
 * Allora's code does. Following PR #704 (v0.8), {@code f} feeds {@code N_eff} and {@code ũ} is what is stored.
 */
public final class TaskEntropy {

    public static final double SINGLE_PARTICIPANT = StrictMath.log(2) / 4;

    private TaskEntropy() {}

    /** The entropy and the EMA'd fractions to keep for the next epoch. */
    public record Result(double entropy, SortedMap<String, Double> ema) {}

    public static Result of(
            SortedMap<String, Double> fractions, Map<String, Double> previousEma, double alpha, double beta) {
        // A linear-time copy of the sorted fractions whose values are replaced in key order (see RewardFractions).
        TreeMap<String, Double> ema = new TreeMap<>(fractions);
        double total = 0;
        for (Map.Entry<String, Double> e : ema.entrySet()) {
            Double prev = previousEma.get(e.getKey());
            // A newcomer has no history; its first EMA value is its fraction.
            double value = prev == null ? e.getValue() : alpha * e.getValue() + (1 - alpha) * prev;
            e.setValue(value);
            total += value;
        }
        int n = fractions.size();
        if (n == 0 || !(total > 0)) {
            return new Result(0, ema);
        }
        if (n == 1) {
            return new Result(SINGLE_PARTICIPANT, ema);
        }
        double sumSquares = 0;
        double plogp = 0;
        for (double u : ema.values()) {
            double f = u / total;
            sumSquares += f * f;
            if (f > 0) {
                plogp += f * StrictMath.log(f);
            }
        }
        double nEff = 1 / sumSquares;
        return new Result(-plogp * StrictMath.pow(nEff / n, beta), ema);
    }
}
