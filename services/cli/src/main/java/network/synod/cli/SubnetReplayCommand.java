package network.synod.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import network.synod.core.classification.ClassificationReplay;
import network.synod.core.classification.ClassificationScore;
import network.synod.core.classification.LabelSet;
import network.synod.core.classification.LabelledText;
import network.synod.core.classification.TextClassifier;
import network.synod.models.text.TextClassifiers;

/**
 * {@code synod subnet replay}: streams a labelled JSONL file through a text-classification subnet in order (each
 * message asked of every worker and of the network, then its label revealed to all), and reports each worker's
 * and the network's accuracy and mean log-loss over the same messages, the 200th on.
 */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        versionProvider = SynodVersion.class,
        sortOptions = false,
        description = {
            "Streams a labelled JSONL file ({\"t\",\"id\",\"label\",\"text\"} a line, in time order) "
                    + "through a text-classification subnet: each message is asked of the network, then its label is "
                    + "revealed to workers and validators. Prints each worker's and the network's accuracy and mean "
                    + "log-loss over the same messages, from the " + ClassificationReplay.FIRST_SCORED + "th on.",
            "Only --offline is served yet: the workers (text classifiers) and the network's combination (a "
                    + "stacked logistic regression over the workers' log-odds, fitted on revealed labels) run in this "
                    + "process. Without --offline the command refuses (exit 2): there is no subnet service to replay "
                    + "through yet."
        },
        footer = {
            "",
            "Progress is drawn on stderr when stderr is a terminal; piped, the output is the table "
                    + "(and 'wrote OUT') alone."
        })
final class SubnetReplayCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--data",
            paramLabel = "FILE.jsonl",
            required = true,
            description = "the labelled messages, e.g. ../shared/data/text/spamassassin_corpus1.jsonl")
    private String data;

    @Option(
            names = "--workers",
            paramLabel = "NAMES",
            defaultValue = "all",
            completionCandidates = Kinds.class,
            description = "all, or a comma-separated list of: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    private String workers;

    @Option(
            names = "--validators",
            paramLabel = "N",
            defaultValue = "1",
            description = "validators scoring the workers; used by the online mode (offline, the one in-process "
                    + "scorer sees every answer) (default: ${DEFAULT-VALUE})")
    private int validators;

    @Option(names = "--offline", description = "run the workers and the network's combination in this process")
    private boolean offline;

    @Option(names = "--json", paramLabel = "OUT", description = "also write the report as JSON to OUT")
    private String json;

    @Option(names = "--messages", paramLabel = "N", description = "replay only the first N messages (default: all)")
    private Integer messages;

    @Option(
            names = "--threads",
            paramLabel = "N",
            defaultValue = "1",
            description = "OnnxRuntime threads of each embedding worker (default: ${DEFAULT-VALUE})")
    private int threads;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path path = Path.of(data);
        if (!Files.isRegularFile(path)) {
            throw usage("no such data file: " + data);
        }
        if (validators < 1) {
            throw usage("--validators must be >= 1");
        }
        if (messages != null && messages < 1) {
            throw usage("--messages must be > 0");
        }
        if (threads < 1) {
            throw usage("--threads must be >= 1");
        }
        List<String> kinds = kinds(workers);
        if (!offline) {
            throw usage("only --offline is served yet: there is no subnet service to replay through "
                    + "(run 'synod subnet replay --offline ...')");
        }
        List<LabelledText> stream = read(path, messages == null ? Integer.MAX_VALUE : messages);
        LabelSet labels = labelsOf(stream);
        List<TextClassifier> inProcess = new ArrayList<>();
        long start = System.nanoTime();
        ClassificationReplay.Result result;
        try {
            for (String kind : kinds) {
                inProcess.add(TextClassifiers.create(kind, labels, threads));
            }
            try (Progress progress = Progress.start("subnet replay", stream.size(), " messages")) {
                result = ClassificationReplay.run(
                        stream, inProcess, labels, ClassificationReplay.FIRST_SCORED, progress::stepTo);
            }
        } finally {
            inProcess.forEach(TextClassifier::close);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.print(table(result, seconds));
        if (json != null) {
            Files.writeString(Path.of(json), Http.JSON.writeValueAsString(json(result)) + "\n");
            out.println("wrote " + json);
        }
        return 0;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private List<String> kinds(String set) {
        if (set.equals("all")) {
            return TextClassifiers.KINDS;
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (String k : set.split(",")) {
            String kind = k.trim();
            if (!TextClassifiers.isKind(kind)) {
                throw usage("unknown worker '" + kind + "' in --workers: use all or some of "
                        + String.join(",", TextClassifiers.KINDS));
            }
            if (!chosen.add(kind)) {
                throw usage("worker '" + kind + "' appears twice in --workers");
            }
        }
        return List.copyOf(chosen);
    }

    /** The first {@code limit} messages, checked line by line; a bad line is a usage error that names it. */
    private List<LabelledText> read(Path path, int limit) throws IOException {
        List<LabelledText> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while (out.size() < limit && (line = r.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode m;
                try {
                    m = Http.JSON.readTree(line);
                } catch (IOException e) {
                    throw usage(data + " line " + number + " is not JSON");
                }
                for (String field : List.of("t", "id", "label", "text")) {
                    if (!m.path(field).isTextual()) {
                        throw usage(data + " line " + number + " has no string '" + field + "'");
                    }
                }
                out.add(new LabelledText(
                        m.get("t").asText(),
                        m.get("id").asText(),
                        m.get("label").asText(),
                        m.get("text").asText()));
            }
        }
        if (out.size() < ClassificationReplay.FIRST_SCORED) {
            throw usage(data + " holds " + out.size() + " messages; a replay scores from message "
                    + ClassificationReplay.FIRST_SCORED + " on, so it needs at least that many");
        }
        return out;
    }

    /** The file's labels, sorted: the subnet's label set and the order of every probability vector. */
    private LabelSet labelsOf(List<LabelledText> stream) {
        Set<String> names = new java.util.TreeSet<>();
        for (LabelledText m : stream) {
            names.add(m.label());
        }
        if (names.size() < 2) {
            throw usage(data + " has only the label(s) " + names + "; a classification needs two or more");
        }
        return new LabelSet(List.copyOf(names));
    }

    static String table(ClassificationReplay.Result r, double seconds) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                Locale.ROOT,
                "messages %d, scored %d (from message %d on), %.1f s%n",
                r.messages(),
                r.scored(),
                ClassificationReplay.FIRST_SCORED,
                seconds));
        b.append(String.format(Locale.ROOT, "%-20s %9s %9s%n", "worker", "accuracy", "log-loss"));
        for (Map.Entry<String, ClassificationScore> e : r.workers().entrySet()) {
            b.append(row(e.getKey(), e.getValue()));
        }
        b.append(row("network", r.network()));
        b.append("best worker (log-loss): ").append(r.bestWorker()).append(System.lineSeparator());
        return b.toString();
    }

    private static String row(String name, ClassificationScore s) {
        return String.format(Locale.ROOT, "%-20s %9.4f %9.4f%n", name, s.accuracy(), s.logLoss());
    }

    /** Exactly {data, messages, scored, workers: {name: {accuracy, log_loss}}, network, best_worker}. */
    private ObjectNode json(ClassificationReplay.Result r) {
        ObjectNode root = Http.JSON.createObjectNode();
        root.put("data", data);
        root.put("messages", r.messages());
        root.put("scored", r.scored());
        ObjectNode byWorker = root.putObject("workers");
        for (Map.Entry<String, ClassificationScore> e : r.workers().entrySet()) {
            score(byWorker.putObject(e.getKey()), e.getValue());
        }
        score(root.putObject("network"), r.network());
        root.put("best_worker", r.bestWorker());
        return root;
    }

    private static void score(ObjectNode node, ClassificationScore s) {
        node.put("accuracy", s.accuracy());
        node.put("log_loss", s.logLoss());
    }

    /** The worker names {@code --workers} accepts, for help and completion. */
    static final class Kinds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return TextClassifiers.KINDS.iterator();
        }
    }
}
