package network.synod.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import network.synod.cli.LocalNetwork;
import network.synod.embedded.LocalKafka;
import network.synod.embedded.LocalPostgres;
import network.synod.embedded.ServiceProcess;

/**
 * The whole network as its users run it, on this machine: a real PostgreSQL, a real Kafka broker, and the
 * gateway, scoring and each worker as its own process from its packaged jar.
 */
final class LocalCluster implements AutoCloseable {

    static final Duration READY = Duration.ofSeconds(180);
    static final Path ROOT = Path.of(System.getProperty("synod.root", ".."));
    static final Path LOGS = ROOT.resolve("e2e-tests/target/process-logs");

    final LocalPostgres postgres;
    final LocalKafka kafka;
    final ServiceProcess gateway;
    final ServiceProcess scoring;
    final Map<String, ServiceProcess> workers = new LinkedHashMap<>();
    private final List<ServiceProcess> all = new ArrayList<>();

    /** @param workerKinds worker name → runtime kind (last, ma, ema, trend, snaive, mlp, loss-forecaster) */
    LocalCluster(Map<String, String> workerKinds) throws Exception {
        postgres = LocalPostgres.startEphemeral();
        kafka = LocalKafka.startEphemeral();
        List<String> common = List.of(
                "-Dquarkus.datasource.reactive.url=" + postgres.reactiveUrl(),
                "-Dquarkus.datasource.username=" + LocalPostgres.USER,
                "-Dkafka.bootstrap.servers=" + kafka.bootstrapServers());
        // Every process starts cold on a small shared CI machine: a worker's first answers can take seconds while
        // its JIT has not run, and the online replay must agree with the offline one to the last digit, so the
        // gateway here waits longer for workers than in production (a dead worker is refused at once anyway).
        List<String> gatewayProps = new java.util.ArrayList<>(common);
        gatewayProps.add("-Dsynod.gateway.worker-timeout=15S");
        gateway = track(
                ServiceProcess.start("gateway", ServiceProcess.jar(ROOT, "services/gateway"), 0, gatewayProps, LOGS));
        scoring = track(ServiceProcess.start("scoring", ServiceProcess.jar(ROOT, "services/scoring"), 0, common, LOGS));
        for (Map.Entry<String, String> w : workerKinds.entrySet()) {
            workers.put(
                    w.getKey(),
                    track(ServiceProcess.start(
                            "worker-" + w.getKey(),
                            ServiceProcess.jar(ROOT, "services/worker"),
                            0,
                            List.of("-Dsynod.model.kind=" + w.getValue()),
                            LOGS)));
        }
        gateway.awaitReady("/q/health/ready", READY);
        scoring.awaitReady("/q/health/ready", READY);
        for (ServiceProcess w : workers.values()) {
            w.awaitReady("/v2/health/ready", READY);
        }
    }

    private ServiceProcess track(ServiceProcess p) {
        all.add(p);
        return p;
    }

    /** The network as the CLI's online replay addresses it. */
    LocalNetwork network(Map<String, String> workerKinds) {
        SortedMap<String, LocalNetwork.Worker> ws = new TreeMap<>();
        workers.forEach((name, p) -> ws.put(
                name,
                new LocalNetwork.Worker(
                        p.url(),
                        "model",
                        "loss-forecaster".equals(workerKinds.get(name)) ? "forecaster" : "inferer",
                        workerKinds.get(name))));
        return new LocalNetwork(gateway.url(), scoring.url(), "synod-admin", "synod-reputer", ws);
    }

    @Override
    public void close() {
        all.parallelStream().forEach(ServiceProcess::close);
        kafka.close();
        postgres.close();
    }
}
