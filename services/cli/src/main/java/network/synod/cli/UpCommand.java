package network.synod.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import network.synod.core.events.TopicSpec;
import network.synod.embedded.LocalKafka;
import network.synod.embedded.LocalPostgres;
import network.synod.embedded.ServiceProcess;

/**
 * {@code synod up}: the whole network on this machine, no Docker and no Kubernetes. A private PostgreSQL and
 * an in-JVM Kafka broker start here; gateway, scoring and each worker run as their own processes; a demo
 * topic is registered; Ctrl-C stops everything.
 */
@Command(
        name = "up",
        mixinStandardHelpOptions = true,
        versionProvider = SynodVersion.class,
        sortOptions = false,
        description = {
            "Runs the whole network on this machine: PostgreSQL, Kafka, gateway, scoring and the demo "
                    + "workers, with a demo topic registered. Ctrl-C stops everything."
        },
        footer = {
            "",
            "Logs go under .synod/logs; the running network's description to .synod/network.json, "
                    + "which 'synod replay' without --offline reads."
        })
final class UpCommand implements Callable<Integer> {

    static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    static final String ADMIN_TOKEN = "synod-admin";
    static final String REPUTER_TOKEN = "synod-reputer";

    /** The demo topic's workers: name → worker kind. */
    static final Map<String, String> DEMO_WORKERS = demoWorkers();

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--port",
            paramLabel = "BASE",
            defaultValue = "8080",
            description = "the gateway's port; scoring listens on BASE+1, the workers from BASE+100 on "
                    + "(default: ${DEFAULT-VALUE})")
    private int base;

    @Option(
            names = "--mode",
            paramLabel = "MODE",
            defaultValue = TopicSpec.DEFAULT_MODE,
            completionCandidates = SynthesisModeIds.class,
            description = "the demo topic's synthesis mode: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    private String mode;

    private final List<ServiceProcess> children = new ArrayList<>();
    private LocalPostgres postgres;
    private LocalKafka kafka;

    @Override
    public Integer call() throws Exception {
        return up(base, mode, spec.commandLine().getOut());
    }

    private static Map<String, String> demoWorkers() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("last", "last");
        m.put("ma5", "ma");
        m.put("ema0.3", "ema");
        m.put("trend10", "trend");
        m.put("snaive", "snaive");
        m.put(ExtraWorkers.NEURAL, "mlp");
        m.put(ExtraWorkers.FORECASTER, "loss-forecaster");
        return m;
    }

    private int up(int base, String mode, PrintWriter out) throws Exception {
        Path home = Path.of(".synod");
        Path logs = home.resolve("logs");
        Files.createDirectories(logs);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("\nstopping the network…");
            stop();
            stopped.countDown();
        }));

        out.println("starting PostgreSQL and Kafka…");
        // Closed by the hook above once the services are down, not by its own hook beside it.
        postgres = LocalPostgres.startEphemeral().closedByCallerAtExit();
        kafka = LocalKafka.startEphemeral();

        String gateway = "http://127.0.0.1:" + base;
        String scoring = "http://127.0.0.1:" + (base + 1);
        List<String> common = List.of(
                "-Dquarkus.datasource.reactive.url=" + postgres.reactiveUrl(),
                "-Dquarkus.datasource.username=" + LocalPostgres.USER,
                "-Dkafka.bootstrap.servers=" + kafka.bootstrapServers(),
                "-Dsynod.auth.admin-token=" + ADMIN_TOKEN,
                "-Dsynod.auth.reputer-token=" + REPUTER_TOKEN);
        ServiceProcess gatewayProcess = start("gateway", "services/gateway", base, common, logs);
        ServiceProcess scoringProcess = start("scoring", "services/scoring", base + 1, common, logs);

        SortedMap<String, LocalNetwork.Worker> workers = new TreeMap<>();
        List<ServiceProcess> workerProcesses = new ArrayList<>();
        int port = base + 100;
        for (Map.Entry<String, String> w : DEMO_WORKERS.entrySet()) {
            List<String> props = List.of("-Dsynod.model.kind=" + w.getValue(), "-Dsynod.model.name=model");
            workerProcesses.add(start("worker-" + w.getKey(), "services/worker", port, props, logs));
            workers.put(
                    w.getKey(),
                    new LocalNetwork.Worker(
                            "http://127.0.0.1:" + port,
                            "model",
                            w.getValue().equals("loss-forecaster") ? "forecaster" : "inferer",
                            w.getValue()));
            port++;
        }
        gatewayProcess.awaitReady("/q/health/ready", READY_TIMEOUT);
        scoringProcess.awaitReady("/q/health/ready", READY_TIMEOUT);
        for (ServiceProcess w : workerProcesses) {
            w.awaitReady("/v2/health/ready", READY_TIMEOUT);
        }

        LocalNetwork net = new LocalNetwork(gateway, scoring, ADMIN_TOKEN, REPUTER_TOKEN, workers);
        net.write();
        List<String> demo = new ArrayList<>(workers.keySet());
        demo.replaceAll(n -> n.equals("snaive") ? "snaive12" : n);
        net.register("demo", new TopicSpec("mse", mode, 12, null, null, null, null, null, 1), demo);

        out.printf("""

                Synod is up.
                  gateway   %1$s   (OpenAPI %1$s/q/openapi, metrics %1$s/q/metrics)
                  scoring   %2$s
                  workers   %3$s
                  demo topic 'demo' (season 12, mode %4$s)

                Ask the network:
                  curl -s -X POST %1$s/v1/topics/demo/inferences -H 'Content-Type: application/json' \\
                       -d '{"epoch": 13, "window": [315.7,317.5,317.6,316.7,314.8,313.8,313.3,314.2,315.2,316.2,316.7,317.3,318.5]}'
                Reveal the truth (as a reputer):
                  curl -s -X POST %2$s/v1/topics/demo/ground-truth -H 'Authorization: Bearer %5$s' \\
                       -H 'Content-Type: application/json' -d '{"epoch": 13, "value": 319.1}'
                Replay a real series through it:
                  ./synod replay --series ../shared/data/series/co2_monthly.csv --workers reference

                Ctrl-C stops everything.
                """, gateway, scoring, String.join(", ", workers.keySet()), mode, REPUTER_TOKEN);
        stopped.await();
        return 0;
    }

    private ServiceProcess start(String name, String module, int port, List<String> props, Path logs)
            throws IOException {
        ServiceProcess p = ServiceProcess.start(name, ServiceProcess.jar(Path.of("."), module), port, props, logs);
        synchronized (children) {
            children.add(p);
        }
        return p;
    }

    private void stop() {
        List<ServiceProcess> all;
        synchronized (children) {
            all = new ArrayList<>(children);
        }
        all.parallelStream().forEach(ServiceProcess::close);
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        try {
            Files.deleteIfExists(LocalNetwork.FILE);
        } catch (IOException e) {
            // Nothing to do: a stale description is overwritten by the next 'up'.
        }
    }
}
