package network.synod.core.replay;

import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * A replay's result: per worker and for the network, the MSE over the same scored steps, the best single
 * worker in hindsight, and the ratio network MSE / best single MSE (below 1 beats the best worker).
 */
public record ReplayReport(
        String series,
        int steps,
        String mode,
        SortedMap<String, Double> workers,
        String bestWorker,
        double bestWorkerMse,
        double networkMse,
        double ratio) {

    /** Exactly {"series","steps","mode","workers","best_worker","best_worker_mse","network_mse","ratio"}. */
    public String toJson() {
        StringBuilder w = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, Double> e : workers.entrySet()) {
            w.append(first ? "" : ", ").append(quote(e.getKey())).append(": ").append(number(e.getValue()));
            first = false;
        }
        w.append('}');
        return "{\"series\": " + quote(series) + ", \"steps\": " + steps + ", \"mode\": " + quote(mode)
                + ", \"workers\": " + w + ", \"best_worker\": " + quote(bestWorker)
                + ", \"best_worker_mse\": " + number(bestWorkerMse) + ", \"network_mse\": " + number(networkMse)
                + ", \"ratio\": " + number(ratio) + "}";
    }

    /** A human-readable table. */
    public String toTable() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "series %s, %d scored steps, mode %s%n", series, steps, mode));
        sb.append(String.format(Locale.ROOT, "  %-16s %16s%n", "worker", "MSE"));
        workers.forEach((k, v) -> sb.append(
                String.format(Locale.ROOT, "  %-16s %16.6g%s%n", k, v, k.equals(bestWorker) ? "  (best single)" : "")));
        sb.append(String.format(Locale.ROOT, "  %-16s %16.6g%n", "network", networkMse));
        sb.append(String.format(Locale.ROOT, "  ratio network / best single = %.4f%n", ratio));
        return sb.toString();
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String number(double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalStateException("a replay figure is not finite: " + d);
        }
        return Double.toString(d);
    }
}
