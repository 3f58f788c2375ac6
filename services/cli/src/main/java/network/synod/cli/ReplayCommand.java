package network.synod.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import network.synod.core.events.TopicSpec;
import network.synod.core.forecast.Forecaster;
import network.synod.core.forecast.ReferenceForecasters;
import network.synod.core.replay.InProcessNetwork;
import network.synod.core.replay.LossModel;
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
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        versionProvider = SynodVersion.class,
        sortOptions = false,
        description = {
            "Drives a topic through a CSV series, asking the network for each next value and then "
                    + "revealing it, and reports each worker's and the network's MSE over the same steps.",
            "Online (the default) it uses the network 'synod up' runs; --offline runs the same workers and "
                    + "synthesis in this process."
        },
        footer = {
            "",
            "Progress is drawn on stderr when stderr is a terminal; piped, the output is the table "
                    + "(and 'wrote OUT') alone."
        })
final class ReplayCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--series",
            paramLabel = "FILE.csv",
            required = true,
            description = "the series to replay: a CSV file such as the ones in ../shared/data/series")
    private String series;

    @Option(
            names = "--season",
            paramLabel = "M",
            description = "the topic's season (default: from meta.json beside the series, else none)")
    private Integer season;

    @Option(
            names = "--workers",
            paramLabel = "SET",
            defaultValue = "all",
            completionCandidates = WorkerSets.class,
            description = "reference = the five reference forecasters; all adds the neural forecaster and the "
                    + "loss forecaster (default: ${DEFAULT-VALUE})")
    private String workers;

    @Option(
            names = "--mode",
            paramLabel = "MODE",
            defaultValue = TopicSpec.DEFAULT_MODE,
            completionCandidates = SynthesisModeIds.class,
            description = "the synthesis mode: ${COMPLETION-CANDIDATES} (default: the topic's default, "
                    + "${DEFAULT-VALUE})")
    private String modeId;

    @Option(names = "--offline", description = "run the same workers and synthesis in this process, without services")
    private boolean offline;

    @Option(names = "--json", paramLabel = "OUT", description = "also write the report as JSON to OUT")
    private String json;

    @Option(names = "--steps", paramLabel = "N", description = "replay only the first N scored steps (default: all)")
    private Integer steps;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path path = Path.of(series);
        if (!Files.isRegularFile(path)) {
            throw usage("no such series file: " + series);
        }
        Series full;
        try {
            full = Series.read(path);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        int topicSeason = season != null ? season : seasonFromMeta(path, full.name());
        if (!workers.equals("reference") && !workers.equals("all")) {
            throw usage("--workers is reference or all, got '" + workers + "'");
        }
        SynthesisMode mode;
        try {
            mode = SynthesisMode.fromId(modeId);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        ReplayPlan plan;
        try {
            plan = ReplayPlan.of(full.values(), topicSeason);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        Series replayed = limit(full, plan, steps == null ? Integer.MAX_VALUE : steps);
        int total = replayed.length() - plan.firstStep();

        Network network;
        if (offline) {
            TopicParams params = TopicParams.defaults(mode, topicSeason).withLossFloor(plan.lossFloor());
            network = new InProcessNetwork(
                    params, WorkerSets.inferers(workers, topicSeason), WorkerSets.forecasters(workers));
        } else {
            LocalNetwork net;
            try {
                net = LocalNetwork.read();
            } catch (LocalNetwork.NotRunningException e) {
                throw usage(e.getMessage());
            }
            String topic = ("replay-" + replayed.name().replace('_', '-') + "-" + System.currentTimeMillis())
                    .toLowerCase(Locale.ROOT);
            if (topic.length() > 63) {
                topic = topic.substring(topic.length() - 63).replaceFirst("^[^a-z0-9]+", "");
            }
            TopicSpec topicSpec =
                    new TopicSpec("mse", mode.id(), topicSeason, null, null, null, null, plan.lossFloor(), 1);
            net.register(topic, topicSpec, WorkerSets.names(workers, topicSeason));
            network = new OnlineNetwork(net, topic);
        }
        ReplayReport report;
        try (Progress progress = Progress.start("replay", total, " steps")) {
            report = Replay.run(replayed, plan, mode.id(), network, progress::stepTo);
        }
        out.print(report.toTable());
        if (json != null) {
            Files.writeString(Path.of(json), report.toJson() + "\n");
            out.println("wrote " + json);
        }
        return 0;
    }

    /** A mistake in the arguments found after parsing: the same message, usage and exit 2 as a parse error. */
    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private Series limit(Series s, ReplayPlan plan, int steps) {
        if (steps <= 0) {
            throw usage("--steps must be > 0");
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

    /** Which workers a replay uses; iterated, the names {@code --workers} accepts (for its completion). */
    static final class WorkerSets implements Iterable<String> {

        @Override
        public Iterator<String> iterator() {
            return List.of("reference", "all").iterator();
        }

        static List<Forecaster> inferers(String set, int season) {
            List<Forecaster> all = new ArrayList<>(ReferenceForecasters.forSeason(season));
            if (set.equals("all")) {
                all.addAll(ExtraWorkers.inferers(season));
            }
            return all;
        }

        static Map<String, LossModel> forecasters(String set) {
            return set.equals("all") ? ExtraWorkers.forecasters() : Map.of();
        }

        static List<String> names(String set, int season) {
            List<String> names = new ArrayList<>();
            for (Forecaster f : ReferenceForecasters.forSeason(season)) {
                names.add(f.name());
            }
            if (set.equals("all")) {
                names.addAll(ExtraWorkers.names());
            }
            return names;
        }
    }
}
