package network.synod.core.replay;

import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.IntConsumer;

import network.synod.core.forecast.ForecastContext;

/**
 * Drives a network through a series: at each step from t0 it asks for the next value with the revealed
 * window as context, then reveals the realised value as ground truth; at the end it reports the MSE of every
 * worker and of the network over the same steps.
 */
public final class Replay {

    private Replay() {}

    /**
     * @param progress called with the number of steps done after each step (for a progress bar)
     */
    public static ReplayReport run(Series series, ReplayPlan plan, String mode, Network network, IntConsumer progress)
            throws Exception {
        double[] y = series.values();
        SortedMap<String, Double> sumSquares = new TreeMap<>();
        double networkSum = 0;
        int steps = 0;
        for (int t = plan.firstStep(); t < y.length; t++) {
            ForecastContext context = new ForecastContext(t, plan.contextFor(y, t), plan.season());
            Network.Answer answer = network.ask(context);
            network.reveal(t, y[t]);
            double truth = y[t];
            answer.workers().forEach((name, v) -> sumSquares.merge(name, (v - truth) * (v - truth), Double::sum));
            networkSum += (answer.value() - truth) * (answer.value() - truth);
            steps++;
            progress.accept(steps);
        }
        SortedMap<String, Double> mse = new TreeMap<>();
        String best = null;
        for (var e : sumSquares.entrySet()) {
            double m = e.getValue() / steps;
            mse.put(e.getKey(), m);
            if (best == null || m < mse.get(best)) {
                best = e.getKey();
            }
        }
        double networkMse = networkSum / steps;
        return new ReplayReport(
                series.name(), steps, mode, mse, best, mse.get(best), networkMse, networkMse / mse.get(best));
    }
}
