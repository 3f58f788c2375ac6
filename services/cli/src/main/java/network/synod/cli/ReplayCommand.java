package network.synod.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

import com.fasterxml.jackson.databind.JsonNode;
import network.synod.core.events.TopicSpec;
import network.synod.core.forecast.Forecaster;
import network.synod.core.replay.InProcessNetwork;
import network.synod.core.replay.Network;
import network.synod.core.replay.Replay;
import network.synod.core.replay.ReplayPlan;
import network.synod.core.replay.ReplayReport;
import network.synod.core.replay.Series;
import network.synod.core.synthesis.SynthesisMode;
import network.synod.core.synthesis.TopicParams;

/**
 * {@code synod replay}: drives a topic through a CSV series, asking for each next value and then revealing it,
 * and reports each worker's and the network's MSE over the same steps.
 */
final class ReplayCommand {

    static final String USAGE = """
            usage: synod replay --series FILE.csv [--season M] [--workers reference|all] [--mode allora|synod]
                                [--offline] [--json OUT] [--steps N]
              --season   the topic's season (default: from meta.json beside the series, else none)
              --workers  reference = the five reference forecasters; all (default) adds the neural forecaster
                         and the loss forecaster
              --mode     the synthesis mode (default: the topic's default, synod)
              --offline  run the same workers and synthesis in this process, without services
              --steps    replay only the first N scored steps
            """;

    private ReplayCommand() {
    }

    static int run(List<String> argv, PrintStream out, PrintStream err) throws Exception {
        Args a = new Args(argv, Set.of("series", "season", "workers", "mode", "json", "steps"), Set.of("offline"));
        String file = a.get("series", null);
        if (file == null) {
            throw new Args.UsageException("--series is required");
        }
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new Args.UsageException("no such series file: " + file);
        }
        Series full;
        try {
            full = Series.read(path);
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException(e.getMessage());
        }
        int season = a.integer("season", seasonFromMeta(path, full.name()));
        String workers = a.get("workers", "all");
        if (!workers.equals("reference") && !workers.equals("all")) {
            throw new Args.UsageException("--workers is reference or all, got '" + workers + "'");
        }
        SynthesisMode mode;
        try {
            mode = SynthesisMode.fromId(a.get("mode", TopicSpec.DEFAULT_MODE));
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException(e.getMessage());
        }
        ReplayPlan plan;
        try {
            plan = ReplayPlan.of(full.values(), season);
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException(e.getMessage());
        }
        Series series = limit(full, plan, a.integer("steps", Integer.MAX_VALUE));
        int total = series.length() - plan.firstStep();

        Network network;
        if (a.flag("offline")) {
            TopicParams params = TopicParams.defaults(mode, season).withLossFloor(plan.lossFloor());
            network = new InProcessNetwork(params, WorkerSets.inferers(workers, season),
                    WorkerSets.forecasters(workers));
        } else {
            LocalNetwork net = LocalNetwork.read();
            String topic = ("replay-" + series.name().replace('_', '-') + "-" + System.currentTimeMillis())
                    .toLowerCase(Locale.ROOT);
            if (topic.length() > 63) {
                topic = topic.substring(topic.length() - 63).replaceFirst("^[^a-z0-9]+", "");
            }
            TopicSpec spec = new TopicSpec("mse", mode.id(), season, null, null, null, null, plan.lossFloor(), 1);
            net.register(topic, spec, WorkerSets.names(workers, season));
            network = new OnlineNetwork(net, topic);
        }
        ReplayReport report = Replay.run(series, plan, mode.id(), network, progressBar(err, total));
        err.println();
        out.print(report.toTable());
        String json = a.get("json", null);
        if (json != null) {
            Files.writeString(Path.of(json), report.toJson() + "\n");
            out.println("wrote " + json);
        }
        return 0;
    }

    private static Series limit(Series s, ReplayPlan plan, int steps) {
        if (steps <= 0) {
            throw new Args.UsageException("--steps must be > 0");
        }
        int n = (int) Math.min(s.length(), (long) plan.firstStep() + steps);
        double[] v = new double[n];
        System.arraycopy(s.values(), 0, v, 0, n);
        return new Series(s.name(), s.times().subList(0, n), v);
    }

    /** The season meta.json beside the series gives, or 0. */
    static int seasonFromMeta(Path series, String name) throws IOException {
        Path meta = series.toAbsolutePath().getParent().resolve("meta.json");
        if (!Files.exists(meta)) {
            return 0;
        }
        for (JsonNode entry : Http.JSON.readTree(meta.toFile())) {
            if (name.equals(entry.path("name").asText()) && entry.path("season").isInt()) {
                return entry.get("season").asInt();
            }
        }
        return 0;
    }

    private static IntConsumer progressBar(PrintStream err, int total) {
        long start = System.nanoTime();
        return done -> {
            if (done == total || done % Math.max(1, total / 100) == 0) {
                int width = 40;
                int filled = (int) ((long) done * width / total);
                double secs = (System.nanoTime() - start) / 1e9;
                err.printf(Locale.ROOT, "\r[%s%s] %d/%d steps, %.1f s", "#".repeat(filled), ".".repeat(width - filled),
                        done, total, secs);
            }
        };
    }

    /** Which workers a replay uses. */
    static final class WorkerSets {

        private WorkerSets() {
        }

        static List<Forecaster> inferers(String set, int season) {
            List<Forecaster> all = new ArrayList<>(network.synod.core.forecast.ReferenceForecasters.forSeason(season));
            if (set.equals("all")) {
                all.addAll(ExtraWorkers.inferers(season));
            }
            return all;
        }

        static Map<String, network.synod.core.replay.LossModel> forecasters(String set) {
            return set.equals("all") ? ExtraWorkers.forecasters() : Map.of();
        }

        static List<String> names(String set, int season) {
            List<String> names = new ArrayList<>();
            for (Forecaster f : network.synod.core.forecast.ReferenceForecasters.forSeason(season)) {
                names.add(f.name());
            }
            if (set.equals("all")) {
                names.addAll(ExtraWorkers.names());
            }
            return names;
        }
    }
}
