package network.synod.e2e;

import static network.synod.e2e.JsonHttp.get;
import static network.synod.e2e.JsonHttp.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import network.synod.core.verification.EpochSeed;
import network.synod.embedded.LocalKafka;
import network.synod.embedded.LocalPostgres;
import network.synod.embedded.ServiceProcess;

/**
 * The local network as processes from the packaged jars: PostgreSQL, Kafka, the gateway, scoring, payouts, this
 * verification service, two honest workers, a cheating worker that fabricates a quarter of its answers, and a verifier
 * instance of the declared model. Clients ask, a reputer reveals the truth, scoring scores, payouts pays; the
 * cheater is caught by a sampled audit, slashed (its stake shrinks, the verifier is paid its share) and quarantined
 * (the gateway stops asking it), while the honest workers keep being paid.
 *
 * <p>Part of {@code mvn verify}: this module depends on every service, so their jars are packaged first.
 */
class NetworkAuditIT {

    static final Path ROOT = Path.of(System.getProperty("synod.root", ".."));
    static final Path LOGS = ROOT.resolve("e2e-tests/target/process-logs");
    static final Duration READY = Duration.ofSeconds(180);
    static final String ADMIN = "Bearer synod-admin";
    static final String TOPIC = "audited";

    static LocalPostgres postgres;
    static LocalKafka kafka;
    static final List<ServiceProcess> all = new ArrayList<>();
    static ServiceProcess gateway;
    static ServiceProcess scoring;
    static ServiceProcess payouts;
    static ServiceProcess verification;
    static final Map<String, ServiceProcess> workers = new LinkedHashMap<>();
    static ServiceProcess verifier;

    @BeforeAll
    static void start() throws Exception {
        postgres = LocalPostgres.startEphemeral();
        kafka = LocalKafka.startEphemeral();
        List<String> common = List.of(
                "-Dquarkus.datasource.reactive.url=" + postgres.reactiveUrl(),
                "-Dquarkus.datasource.username=" + LocalPostgres.USER,
                "-Dkafka.bootstrap.servers=" + kafka.bootstrapServers());
        gateway = track(ServiceProcess.start("gateway", ServiceProcess.jar(ROOT, "services/gateway"), 0, common, LOGS));
        scoring = track(ServiceProcess.start("scoring", ServiceProcess.jar(ROOT, "services/scoring"), 0, common, LOGS));
        List<String> payoutsProps = new ArrayList<>(common);
        payoutsProps.addAll(List.of(
                "-DSYNOD_PAYOUTS_DB_URL=" + postgres.reactiveUrl(),
                "-DSYNOD_PAYOUTS_DB_USER=" + LocalPostgres.USER,
                "-DSYNOD_PAYOUTS_DB_PASSWORD=unused",
                "-DSYNOD_KAFKA=" + kafka.bootstrapServers(),
                "-Dsynod.auth.participant-tokens.cheat=cheat-token",
                "-Dsynod.auth.participant-tokens.honest-a=a-token",
                "-Dsynod.auth.participant-tokens.honest-b=b-token"));
        payouts = track(
                ServiceProcess.start("payouts", ServiceProcess.jar(ROOT, "services/payouts"), 0, payoutsProps, LOGS));
        int verificationPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            verificationPort = s.getLocalPort();
        }
        List<String> verificationProps = new ArrayList<>(common);
        verificationProps.addAll(List.of(
                "-Dsynod.verification.epoch-close-after=PT0.5S",
                "-Dsynod.verification.public-url=http://127.0.0.1:" + verificationPort));
        verification = track(ServiceProcess.start(
                "verification",
                ServiceProcess.jar(ROOT, "services/verification"),
                verificationPort,
                verificationProps,
                LOGS));
        worker("honest-a", "last", 0);
        worker("honest-b", "ma", 0);
        worker("cheat", "last", 0.25);
        verifier = track(ServiceProcess.start(
                "verifier-last",
                ServiceProcess.jar(ROOT, "services/worker"),
                0,
                List.of("-Dsynod.model.kind=last", "-Dsynod.worker.id=verifier"),
                LOGS));
        for (ServiceProcess p : List.of(gateway, scoring, payouts, verification)) {
            p.awaitReady("/q/health/ready", READY);
        }
        for (ServiceProcess p : workers.values()) {
            p.awaitReady("/v2/health/ready", READY);
        }
        verifier.awaitReady("/v2/health/ready", READY);
    }

    private static void worker(String name, String kind, double cheat) throws Exception {
        workers.put(
                name,
                track(ServiceProcess.start(
                        "worker-" + name,
                        ServiceProcess.jar(ROOT, "services/worker"),
                        0,
                        List.of(
                                "-Dsynod.model.kind=" + kind,
                                "-Dsynod.worker.id=" + name,
                                "-Dsynod.worker.cheat-fraction=" + cheat,
                                "-Dsynod.worker.cheat-seed=7"),
                        LOGS)));
    }

    private static ServiceProcess track(ServiceProcess p) {
        all.add(p);
        return p;
    }

    @AfterAll
    static void stop() {
        all.parallelStream().forEach(ServiceProcess::close);
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aCheaterIsCaughtSlashedAndQuarantinedWhileHonestWorkersArePaid() throws Exception {
        // Registration: the gateway learns each worker's key and declared digest from its OIP metadata.
        put(gateway, "/v1/admin/topics/" + TOPIC, Map.of("mode", "allora"));
        put(scoring, "/v1/admin/topics/" + TOPIC, Map.of("mode", "allora", "reputerQuorum", 1));
        String lastDigest = null;
        for (Map.Entry<String, ServiceProcess> w : workers.entrySet()) {
            JsonNode meta = get(w.getValue().url() + "/v2/models/model").path("parameters");
            put(
                    gateway,
                    "/v1/admin/topics/" + TOPIC + "/workers/" + w.getKey(),
                    Map.of(
                            "url",
                            w.getValue().url(),
                            "publicKey",
                            meta.path("publicKey").asText(),
                            "modelDigest",
                            meta.path("modelDigest").asText()));
            if (w.getKey().equals("cheat")) {
                lastDigest = meta.path("modelDigest").asText();
            }
        }
        put(
                verification,
                "/v1/admin/verifiers/" + lastDigest,
                Map.of("url", verifier.url(), "model", "model", "mode", "exact"));
        put(verification, "/v1/admin/topics/" + TOPIC, Map.of("auditRate", 0.1));

        // Payouts: every worker and the verifier are participants; each worker stakes 1,000 on the topic.
        // Fee revenue gives the topic a weight, hence a share of each epoch's emission.
        put(payouts, "/v1/admin/topics/" + TOPIC + "/economics", Map.of("feeRevenue", 1_000));
        for (String p : List.of("cheat", "honest-a", "honest-b", "verifier")) {
            put(payouts, "/v1/admin/participants/" + p, Map.of());
        }
        for (Map.Entry<String, String> p : Map.of("cheat", "cheat-token", "honest-a", "a-token", "honest-b", "b-token")
                .entrySet()) {
            post(payouts, "/v1/admin/grants", Map.of("participant", p.getKey(), "amount", 1_000), ADMIN);
            post(
                    payouts,
                    "/v1/participants/" + p.getKey() + "/stake/deposits",
                    Map.of("topic", TOPIC, "amount", 1_000),
                    "Bearer " + p.getValue());
        }

        // Traffic: one request per epoch over a wavy series; a reputer reveals each truth, scoring scores, payouts
        // pays.
        double[] series = new double[2_000];
        for (int i = 0; i < series.length; i++) {
            series[i] = 100 + 10 * Math.sin(i / 7.0) + i * 0.01;
        }
        int epoch = 0;
        boolean quarantined = false;
        for (; epoch < 1_500 && !quarantined; epoch++) {
            ask(series, epoch);
            if (epoch % 20 == 19) {
                quarantined = get(gateway.url() + "/v1/admin/topics/" + TOPIC + "/quarantine")
                        .has("cheat");
            }
        }
        if (!quarantined) {
            // The last epochs' audits may still be running.
            Awaitility.await("the cheater quarantined after " + epoch + " epochs")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> get(gateway.url() + "/v1/admin/topics/" + TOPIC + "/quarantine")
                            .has("cheat"));
        }
        int caughtAt = epoch;

        // The verdicts: the cheater failed with evidence; no honest answer ever failed.
        JsonNode failed = get(verification.url() + "/v1/verdicts?worker=cheat&outcome=fail");
        assertTrue(failed.size() >= 1);
        JsonNode evidence = get(verification.url() + "/v1/verdicts/"
                        + failed.get(0).path("id").asLong())
                .path("evidence");
        assertTrue(EpochSeed.opens(
                evidence.path("sampling").path("commitment").asText(),
                evidence.path("sampling").path("seed").asText()));
        assertTrue(evidence.path("claimed").asDouble()
                != evidence.path("reexecuted").asDouble());
        for (String honest : List.of("honest-a", "honest-b")) {
            assertEquals(
                    0,
                    get(verification.url() + "/v1/verdicts?worker=" + honest + "&outcome=fail")
                            .size());
        }
        // honest-b's `ma` has no verifier registered: unverifiable, not punished.
        JsonNode unverifiable = get(verification.url() + "/v1/verdicts?worker=honest-b");
        unverifiable.forEach(
                v -> assertEquals("unknown-digest", v.path("reason").asText()));

        // The ledger: the cheater's stake is slashed, the verifier paid its share.
        Awaitility.await("the cheater's stake slashed")
                .atMost(Duration.ofSeconds(60))
                .until(() -> stake("cheat") < 1_000);
        long cheatStake = stake("cheat");
        assertTrue(get(payouts.url() + "/v1/participants/verifier/balances")
                        .path("rewards")
                        .asLong()
                > 0);
        JsonNode statement = get(payouts.url() + "/v1/participants/cheat/statement?size=50");
        System.out.printf(
                "caught after %d epochs; cheat stake %d; verdicts %s; cheat statement %s%n",
                caughtAt, cheatStake, get(verification.url() + "/v1/stats"), statement);

        // Afterwards: the gateway no longer asks the cheater, and the honest workers keep being paid.
        long paidA = rewards("honest-a");
        long paidB = rewards("honest-b");
        for (int i = 0; i < 5; i++, epoch++) {
            JsonNode answer = ask(series, epoch);
            answer.path("workers")
                    .forEach(w -> assertTrue(!w.path("id").asText().equals("cheat")));
            assertTrue(!answer.path("failed").has("cheat"));
        }
        Awaitility.await("honest-a and honest-b paid after the quarantine")
                .atMost(Duration.ofSeconds(60))
                .until(() -> rewards("honest-a") > paidA && rewards("honest-b") > paidB);
        JsonNode audit = get(payouts.url() + "/v1/admin/conservation", ADMIN);
        assertTrue(audit.path("conserved").asBoolean(), audit.toString());

        // honest-a runs the verified `last`: once one of its answers is sampled, it passes. The cheater can be caught
        // before that happens (1 answer in 10 is audited), so traffic goes on until a verdict for honest-a is in.
        long deadlineAudit = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        int passes = 0;
        while (passes == 0 && System.nanoTime() < deadlineAudit && epoch < series.length - 64) {
            ask(series, epoch++);
            passes = get(verification.url() + "/v1/verdicts?worker=honest-a&outcome=pass")
                    .size();
        }
        assertTrue(passes > 0, "honest-a was never audited and passed, up to epoch " + epoch);
    }

    private static JsonNode ask(double[] series, int epoch) throws Exception {
        double[] window = java.util.Arrays.copyOfRange(series, epoch, epoch + 64);
        JsonNode answer =
                post(gateway, "/v1/topics/" + TOPIC + "/inferences", Map.of("window", window, "epoch", epoch), null);
        post(
                scoring,
                "/v1/topics/" + TOPIC + "/ground-truth",
                Map.of("epoch", epoch, "value", series[epoch + 64]),
                "Bearer synod-reputer");
        return answer;
    }

    private static long stake(String participant) throws Exception {
        return get(payouts.url() + "/v1/participants/" + participant + "/balances")
                .path("staked")
                .asLong();
    }

    private static long rewards(String participant) throws Exception {
        JsonNode b = get(payouts.url() + "/v1/participants/" + participant + "/balances");
        return b.path("rewards").asLong() + b.path("liquid").asLong();
    }

    private static JsonNode put(ServiceProcess p, String path, Object body) throws Exception {
        return send("PUT", p.url() + path, body, ADMIN);
    }

    private static JsonNode post(ServiceProcess p, String path, Object body, String auth) throws Exception {
        return send("POST", p.url() + path, body, auth);
    }
}
