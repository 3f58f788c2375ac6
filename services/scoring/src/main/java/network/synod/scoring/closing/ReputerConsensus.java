package network.synod.scoring.closing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import network.synod.core.synthesis.TopicParams;

/**
 * The consensus truth of one epoch and each reputer's score against it: Allora's reputer consensus
 * (allora.md §3.1 steps 4–5) applied to the single loss every reputer implies, the log10 loss of the network's
 * value under that reputer's truth.
 */
public final class ReputerConsensus {

    /** Allora's EpsilonReputer: keeps a reputer that agrees exactly with consensus at a finite score. */
    public static final double EPSILON_REPUTER = 0.01;

    private ReputerConsensus() {}

    /** One reputer's truth with its stake weight. */
    public record Report(String reputer, double truth, double weight) {}

    /**
     * A reputer's standing in a closed epoch.
     *
     * @param distance |truth − consensus|, in the topic's units
     * @param loss the log10 loss of the network value under this reputer's truth
     * @param score T_m = 1 / (|ℓ_m − ℓ̄| / |ℓ̄| + ε_R)
     */
    public record ReputerResult(String id, double truth, double weight, double distance, double loss, double score) {}

    /** The stake-weighted mean of the reports. */
    public static double consensus(List<Report> reports) {
        if (reports.isEmpty()) {
            throw new IllegalArgumentException("a consensus needs at least one report");
        }
        double sum = 0;
        double weights = 0;
        for (Report r : reports) {
            sum += r.weight() * r.truth();
            weights += r.weight();
        }
        if (!(weights > 0)) {
            throw new IllegalArgumentException("the reports' weights must sum to more than 0");
        }
        return sum / weights;
    }

    /**
     * Scores each reputer by how close the loss it implies for the network value is to the loss under the
     * consensus truth; results sorted by reputer id.
     */
    public static List<ReputerResult> score(
            List<Report> reports, double consensus, TopicParams params, double networkValue) {
        double consensusLoss = params.loss().log10(consensus, networkValue, params.lossFloor());
        // Allora's EpsilonSafeDiv: a zero consensus norm divides by ε instead.
        double norm = consensusLoss == 0 ? EPSILON_REPUTER : Math.abs(consensusLoss);
        List<ReputerResult> results = new ArrayList<>();
        for (Report r : reports) {
            double loss = params.loss().log10(r.truth(), networkValue, params.lossFloor());
            double score = 1 / (Math.abs(loss - consensusLoss) / norm + EPSILON_REPUTER);
            results.add(new ReputerResult(
                    r.reputer(), r.truth(), r.weight(), Math.abs(r.truth() - consensus), loss, score));
        }
        results.sort(Comparator.comparing(ReputerResult::id));
        return results;
    }
}
