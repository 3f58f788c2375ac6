package network.synod.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import network.synod.core.events.InferRequest;
import network.synod.embedded.LocalKafka;
import network.synod.embedded.LocalPostgres;
import network.synod.embedded.ServiceProcess;

/**
 * The gateway's overhead, measured side by side in one run: 8 worker processes and a gateway process on this
 * machine; throughput of direct calls to one worker against network inferences over all 8 at the same
 * concurrency, and latency percentiles at concurrency 1. Run on demand: {@code bench/gateway-load.sh}, which
 * runs {@code synod bench gateway}.
 */
@Command(
        name = "gateway",
        mixinStandardHelpOptions = true,
        versionProvider = SynodVersion.class,
        description = {
            "The gateway's overhead: 8 worker processes and a gateway process on this machine; throughput "
                    + "of direct calls to one worker against network inferences over all of them at the same "
                    + "concurrency, and latency percentiles at concurrency 1.",
            "Run by bench/gateway-load.sh with the same arguments."
        },
        footer = {
            "",
            "Extra JVM options for the gateway alone (e.g. a profiler agent), as a property of this JVM:",
            "  -Dsynod.bench.gateway-jvm-args=\"-agentpath:...\""
        })
public final class GatewayBenchmark implements Callable<Integer> {

    private static final int PAIRS = 3;

    static final String[] KINDS = {"last", "ma", "ema", "trend", "snaive", "last", "ma", "ema"};

    @Spec
    private CommandSpec spec;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "CONCURRENCY",
            defaultValue = "16",
            description = "concurrent requests, >= 1 (default: ${DEFAULT-VALUE})")
    private int concurrency;

    @Parameters(
            index = "1",
            arity = "0..1",
            paramLabel = "SECONDS",
            defaultValue = "15",
            description = "seconds per phase, >= 1 (default: ${DEFAULT-VALUE})")
    private int seconds;

    @Parameters(
            index = "2",
            arity = "0..1",
            paramLabel = "LATENCY_REQUESTS",
            defaultValue = "1000",
            description = "requests per latency measurement, >= 1 (default: ${DEFAULT-VALUE})")
    private int latencyRequests;

    @Parameters(
            index = "3",
            arity = "0..1",
            paramLabel = "WORKERS",
            defaultValue = "8",
            description = "worker processes, 1..8 (default: ${DEFAULT-VALUE})")
    private int workerCount;

    @Parameters(
            index = "4",
            arity = "0..1",
            paramLabel = "WARMUP",
            defaultValue = "900",
            description = "the longest warm-up in seconds, >= 0 (default: ${DEFAULT-VALUE})")
    private int warmup;

    /** The benchmark as it was started before the {@code synod} command had it: the same positional arguments. */
    public static void main(String[] args) {
        String[] all = new String[args.length + 2];
        all[0] = "bench";
        all[1] = "gateway";
        System.arraycopy(args, 0, all, 2, args.length);
        Synod.main(all);
    }

    @Override
    public Integer call() throws Exception {
        // Checked before anything starts: a mistyped run fails in a second, not after the services are up.
        atLeast("CONCURRENCY", concurrency, 1);
        atLeast("SECONDS", seconds, 1);
        atLeast("LATENCY_REQUESTS", latencyRequests, 1);
        atLeast("WORKERS", workerCount, 1);
        if (workerCount > KINDS.length) {
            throw new ParameterException(
                    spec.commandLine(), "WORKERS must be at most " + KINDS.length + ", got " + workerCount);
        }
        atLeast("WARMUP", warmup, 0);
        Path logs = Path.of(".synod", "bench-logs");
        List<ServiceProcess> processes = new ArrayList<>();
        try (LocalPostgres pg = LocalPostgres.startEphemeral();
                LocalKafka kafka = LocalKafka.startEphemeral()) {
            try {
                List<String> gatewayArgs = new ArrayList<>(List.of(
                        "-Dquarkus.datasource.reactive.url=" + pg.reactiveUrl(),
                        "-Dquarkus.datasource.username=" + LocalPostgres.USER,
                        "-Dkafka.bootstrap.servers=" + kafka.bootstrapServers(),
                        "-Dquarkus.log.level=WARN"));
                // Extra JVM options for the gateway alone, e.g. a profiler agent:
                // -Dsynod.bench.gateway-jvm-args="-agentpath:/path/libasyncProfiler.so=start,event=itimer,..."
                String extra =
                        System.getProperty("synod.bench.gateway-jvm-args", "").trim();
                if (!extra.isEmpty()) {
                    gatewayArgs.addAll(0, List.of(extra.split("\\s+")));
                }
                ServiceProcess gateway = ServiceProcess.start(
                        "gateway", ServiceProcess.jar(Path.of("."), "services/gateway"), 0, gatewayArgs, logs);
                processes.add(gateway);
                List<ServiceProcess> workers = new ArrayList<>();
                for (int i = 0; i < workerCount; i++) {
                    ServiceProcess w = ServiceProcess.start(
                            "worker-" + i,
                            ServiceProcess.jar(Path.of("."), "services/worker"),
                            0,
                            List.of("-Dsynod.model.kind=" + KINDS[i], "-Dquarkus.log.level=WARN"),
                            logs);
                    workers.add(w);
                    processes.add(w);
                }
                gateway.awaitReady("/q/health/ready", Duration.ofSeconds(120));
                for (ServiceProcess w : workers) {
                    w.awaitReady("/v2/health/ready", Duration.ofSeconds(120));
                }
                Http.send("PUT", gateway.url() + "/v1/admin/topics/bench", Map.of("season", 12), "synod-admin");
                for (int i = 0; i < workers.size(); i++) {
                    Http.send(
                            "PUT",
                            gateway.url() + "/v1/admin/topics/bench/workers/w" + i,
                            Map.of("url", workers.get(i).url(), "model", "model"),
                            "synod-admin");
                }
                run(gateway, workers, concurrency, seconds, latencyRequests, warmup);
            } finally {
                processes.parallelStream().forEach(ServiceProcess::close);
            }
        }
        return 0;
    }

    private void atLeast(String name, int value, int min) {
        if (value < min) {
            throw new ParameterException(spec.commandLine(), name + " must be at least " + min + ", got " + value);
        }
    }

    private static void run(
            ServiceProcess gateway,
            List<ServiceProcess> workers,
            int concurrency,
            int seconds,
            int latencyRequests,
            int warmup)
            throws Exception {
        double[] window = new double[64];
        for (int i = 0; i < window.length; i++) {
            window[i] = 100 + Math.sin(i / 3.0) * 10;
        }
        byte[] direct = Http.JSON.writeValueAsBytes(InferRequest.forWindow("b", 64, 12, window, null));
        byte[] network = Http.JSON.writeValueAsBytes(Map.of("window", window));
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest directReq = post(workers.get(0).url() + "/v2/models/model/infer", direct);
        HttpRequest networkReq = post(gateway.url() + "/v1/topics/bench/inferences", network);

        // Ten JVMs share the machine, and each compiles its hot paths only while it serves: a worker reached only
        // through the gateway gets an eighth of the calls and stays interpreted far longer than the one called
        // directly. Every worker is warmed by direct calls first, then the gateway through the network. Ten JVMs'
        // C2 compilers on two cores take minutes to catch up (after three minutes they still used 30-65 % of the
        // machine), and a measurement then times the compiler rather than the services; so the network warm-up
        // goes on in rounds until the compiler threads use under 5 % of the CPU, as in long-running services.
        System.out.printf(
                Locale.ROOT,
                "warming up: 10 s per worker directly, then the network until the JIT "
                        + "compilers are quiet (at most %d s)…%n",
                warmup);
        for (ServiceProcess w : workers) {
            throughput(client, post(w.url() + "/v2/models/model/infer", direct), concurrency, 10);
        }
        CpuMeter cpu = new CpuMeter(gateway, workers);
        long warmEnd = System.nanoTime() + warmup * 1_000_000_000L;
        for (int round = 1; System.nanoTime() < warmEnd; round++) {
            double rps = throughput(client, networkReq, concurrency, 10);
            double jit = cpu.jitShare();
            System.out.printf(
                    Locale.ROOT,
                    "  warm-up round %d: network %.0f req/s, JIT %.0f %% of the CPU%n",
                    round,
                    rps,
                    jit * 100);
            if (jit < 0.05) {
                break;
            }
        }
        // Three pairs of phases, direct then network, each pair a ratio of its own: the speed of this shared
        // machine drifts by tens of per cent within minutes, and the median of interleaved pairs follows it
        // better than one long phase of each.
        double[] efficiency = new double[PAIRS];
        for (int pair = 1; pair <= PAIRS; pair++) {
            cpu.restart();
            double directRps = throughput(client, directReq, concurrency, seconds);
            double directJit = cpu.jitShare();
            cpu.report("direct", directRps * seconds);
            double networkRps = throughput(client, networkReq, concurrency, seconds);
            double networkJit = cpu.jitShare();
            cpu.report("network", networkRps * seconds);
            efficiency[pair - 1] = networkRps * workers.size() / directRps;
            System.out.printf(
                    Locale.ROOT,
                    "pair %d, concurrency %d, %d s each: direct single worker %.0f req/s, "
                            + "network over %d workers %.0f req/s, fan-out efficiency %.2f; JIT share direct %.1f %%, network "
                            + "%.1f %%%n",
                    pair,
                    concurrency,
                    seconds,
                    directRps,
                    workers.size(),
                    networkRps,
                    efficiency[pair - 1],
                    directJit * 100,
                    networkJit * 100);
        }
        Arrays.sort(efficiency);
        System.out.printf(
                Locale.ROOT,
                "fan-out efficiency (network req/s × %d) / (direct req/s): median %.2f of %s%n",
                workers.size(),
                efficiency[PAIRS / 2],
                Arrays.toString(Arrays.stream(efficiency)
                        .map(e -> Math.round(e * 100) / 100.0)
                        .toArray()));

        // At concurrency 1 the CPU per request says how much of a request's latency is work: on two cores the
        // eight workers' answers and the gateway's own work add up rather than overlap.
        cpu.restart();
        double slowestP50 = 0;
        for (ServiceProcess w : workers) {
            double[] lat = latencies(client, post(w.url() + "/v2/models/model/infer", direct), latencyRequests);
            slowestP50 = Math.max(slowestP50, percentile(lat, 50));
        }
        cpu.report("direct (concurrency 1)", latencyRequests * (double) workers.size());
        double[] net = latencies(client, networkReq, latencyRequests);
        cpu.report("network (concurrency 1)", latencyRequests);
        System.out.printf(
                Locale.ROOT,
                "concurrency 1, %d requests: slowest worker p50 %.3f ms; network p50 %.3f ms "
                        + "(%.2f×), p90 %.3f ms, p99 %.3f ms%n",
                latencyRequests,
                slowestP50,
                percentile(net, 50),
                percentile(net, 50) / slowestP50,
                percentile(net, 90),
                percentile(net, 99));
    }

    /**
     * CPU time each process used during a phase, per request: it tells whether the gateway computes or waits, and
     * how much of the machine the workers take (on a 2-core machine 8 workers and a gateway share two cores).
     */
    private static final class CpuMeter {
        private final List<ProcessHandle> handles = new ArrayList<>();
        private final List<String> names = new ArrayList<>();
        private long[] last;
        private final Map<Long, Long> threadTicks = new HashMap<>();

        CpuMeter(ServiceProcess gateway, List<ServiceProcess> workers) {
            handles.add(ProcessHandle.current());
            names.add("client+kafka");
            handles.add(ProcessHandle.of(gateway.pid()).orElseThrow());
            names.add("gateway");
            for (ServiceProcess w : workers) {
                handles.add(ProcessHandle.of(w.pid()).orElseThrow());
                names.add(w.name());
            }
            restart();
        }

        /** Counts from now. */
        void restart() {
            last = sample();
            jitShare();
        }

        /**
         * The share of these processes' CPU that their JIT compiler threads used since the last call, from
         * /proc/PID/task (Linux; 0 where it cannot be read). Counted per thread, so a compiler thread that the JVM
         * retires between two calls loses only its last ticks.
         */
        double jitShare() {
            long jit = 0;
            long all = 0;
            for (ProcessHandle h : handles) {
                File[] tasks = new File("/proc/" + h.pid() + "/task").listFiles();
                for (File task : tasks == null ? new File[0] : tasks) {
                    long tid = Long.parseLong(task.getName());
                    String stat;
                    try {
                        stat = Files.readString(task.toPath().resolve("stat"));
                    } catch (IOException | UncheckedIOException e) {
                        continue; // the thread ended
                    }
                    int close = stat.lastIndexOf(')');
                    String comm = stat.substring(stat.indexOf('(') + 1, close);
                    String[] f = stat.substring(close + 2).split(" ");
                    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
                    long delta = ticks - threadTicks.getOrDefault(tid, 0L);
                    threadTicks.put(tid, ticks);
                    all += delta;
                    if (comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler")) {
                        jit += delta;
                    }
                }
            }
            return all == 0 ? 0 : jit / (double) all;
        }

        private long[] sample() {
            long[] ns = new long[handles.size()];
            for (int i = 0; i < ns.length; i++) {
                ns[i] = handles.get(i)
                        .info()
                        .totalCpuDuration()
                        .map(Duration::toNanos)
                        .orElse(0L);
            }
            return ns;
        }

        void report(String phase, double requests) {
            long[] now = sample();
            StringBuilder line = new StringBuilder("  CPU ms per " + phase + " request:");
            double total = 0;
            double workers = 0;
            for (int i = 0; i < now.length; i++) {
                double ms = (now[i] - last[i]) / 1e6 / Math.max(1, requests);
                total += ms;
                if (i < 2) {
                    line.append(String.format(Locale.ROOT, " %s %.3f", names.get(i), ms));
                } else {
                    workers += ms;
                }
            }
            line.append(String.format(Locale.ROOT, " workers %.3f, total %.3f", workers, total));
            System.out.println(line);
            last = now;
        }
    }

    private static HttpRequest post(String url, byte[] body) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    private static double throughput(HttpClient client, HttpRequest req, int concurrency, int seconds)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<?>> fs = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            fs.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    HttpResponse<Void> r = client.send(req, HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("HTTP " + r.statusCode());
                    }
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        pool.shutdown();
        return done.get() / (double) seconds;
    }

    private static double[] latencies(HttpClient client, HttpRequest req, int n) throws Exception {
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            HttpResponse<Void> r = client.send(req, HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + r.statusCode());
            }
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)];
    }
}
