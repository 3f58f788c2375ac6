package network.synod.payouts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import network.synod.embedded.LocalKafka;
import network.synod.embedded.LocalPostgres;

/**
 * Crash safety with real processes: the packaged application ({@code target/quarkus-app/quarkus-run.jar}) settles
 * epochs from Kafka against a real PostgreSQL; it is killed with SIGKILL while a settlement transaction is open
 * (entries written, held open by the {@code settlement-pause} hook), then restarted. Every epoch must end up paid
 * exactly once and the ledger balanced.
 */
class CrashRecoveryIT {

    private static final int EPOCHS = 6;
    private static final long PER_EPOCH = 1_000_000;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void killDuringSettlementThenRestartPaysEveryEpochExactlyOnce() throws Exception {
        try (LocalPostgres pg = LocalPostgres.startEphemeral();
                LocalKafka kafka = LocalKafka.startEphemeral()) {
            int port = freePort();
            Process first = start(pg, kafka, port, "PT1.5S", "first");
            try {
                awaitTrue("app up", Duration.ofSeconds(90), () -> status(port, "GET", "/v1/emission", null) == 200);
                assertEquals(200, status(port, "PUT", "/v1/admin/topics/crash/economics", "{\"feeRevenue\":10}"));
                // Stake on the topic gives it weight (stake^0.5 · fees^0.5), so each epoch's emission goes to it.
                assertEquals(
                        201, status(port, "POST", "/v1/admin/grants", "{\"participant\":\"rep\",\"amount\":1000}"));
                assertEquals(
                        201,
                        send(
                                        port,
                                        "POST",
                                        "/v1/participants/rep/stake/deposits",
                                        "{\"topic\":\"crash\",\"amount\":1000}",
                                        "rep-token")
                                .statusCode());
                publishScores(kafka);
                // In the middle: two epochs committed, the third's entries written and its transaction still open.
                awaitTrue(
                        "mid-settlement",
                        Duration.ofSeconds(60),
                        () -> count(pg, "SELECT count(*) FROM settlements") >= 2
                                && count(
                                                pg,
                                                "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep%'")
                                        > 0);
            } finally {
                new ProcessBuilder("kill", "-9", Long.toString(first.pid()))
                        .start()
                        .waitFor();
                first.waitFor();
            }
            long settledAtCrash = count(pg, "SELECT count(*) FROM settlements");
            assertTrue(settledAtCrash < EPOCHS, "the crash came too late to be in the middle");
            // The open transaction dies with its connection: nothing of the interrupted epoch is visible.
            assertEquals(settledAtCrash, count(pg, "SELECT count(*) FROM transactions WHERE kind = 'settlement'"));

            Process second = start(pg, kafka, port, "PT0S", "second");
            try {
                awaitTrue(
                        "all epochs settled",
                        Duration.ofSeconds(120),
                        () -> count(pg, "SELECT count(*) FROM settlements") == EPOCHS);
                assertEquals(EPOCHS, count(pg, "SELECT count(*) FROM transactions WHERE kind = 'settlement'"));
                assertEquals(EPOCHS, count(pg, "SELECT count(DISTINCT epoch) FROM settlements WHERE topic = 'crash'"));
                assertEquals(
                        EPOCHS * PER_EPOCH,
                        count(
                                pg,
                                "SELECT coalesce(sum(e.amount), 0) FROM entries e "
                                        + "JOIN transactions t ON t.id = e.tx_id WHERE t.kind = 'settlement' AND e.amount > 0"));
                assertEquals(
                        0,
                        count(
                                pg,
                                "SELECT count(*) FROM (SELECT tx_id FROM entries GROUP BY tx_id "
                                        + "HAVING sum(amount) <> 0) x"));
                assertEquals(
                        EPOCHS * PER_EPOCH + 1_000,
                        count(pg, "SELECT sum(balance) FROM accounts WHERE kind NOT IN ('issuance', 'burn')"));
                HttpResponse<String> audit = send(port, "GET", "/v1/admin/conservation", null, "synod-admin");
                assertTrue(audit.body().contains("\"conserved\":true"), audit.body());
            } finally {
                second.destroy();
                second.waitFor();
            }
        }
    }

    private static void publishScores(LocalKafka kafka) {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (int epoch = 1; epoch <= EPOCHS; epoch++) {
                List<String> inferers = new ArrayList<>();
                for (int w = 0; w < 200; w++) {
                    inferers.add("{\"id\":\"w" + w + "\",\"score\":" + ((w * 37 + epoch) % 11 - 5) / 10.0 + "}");
                }
                producer.send(new ProducerRecord<>(
                        "synod.epoch-scores",
                        "crash:" + epoch,
                        "{\"topic\":\"crash\",\"epoch\":" + epoch + ",\"inferers\":[" + String.join(",", inferers)
                                + "],\"forecasters\":[],\"reputers\":[{\"id\":\"rep\",\"score\":2.0}],"
                                + "\"combinedLoss\":0.1,\"naiveLoss\":0.12}"));
            }
            producer.flush();
        }
    }

    private Process start(LocalPostgres pg, LocalKafka kafka, int port, String pause, String name) throws Exception {
        String jar = System.getProperty("synod.payouts.app", "target/quarkus-app/quarkus-run.jar");
        Path log = Path.of("target", "crash-" + name + ".log");
        Files.createDirectories(log.getParent());
        List<String> cmd = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.reactive.url=" + pg.reactiveUrl(),
                "-Dquarkus.datasource.username=" + LocalPostgres.USER,
                "-Dquarkus.datasource.password=unused",
                "-Dkafka.bootstrap.servers=" + kafka.bootstrapServers(),
                "-Dsynod.payouts.settlement-pause=" + pause,
                "-Dsynod.payouts.emission.per-epoch=" + PER_EPOCH,
                "-Dsynod.auth.participant-tokens.rep=rep-token",
                "-jar",
                jar);
        return new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private int status(int port, String method, String path, String body) {
        try {
            return send(port, method, path, body, "synod-admin").statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private HttpResponse<String> send(int port, String method, String path, String body, String token)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
        b.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long count(LocalPostgres pg, String sql) {
        try (Connection c =
                        DriverManager.getConnection(pg.jdbcUrl() + "?currentSchema=payouts", LocalPostgres.USER, "");
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitTrue(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        Awaitility.await(what)
                .atMost(limit)
                .pollInterval(Duration.ofMillis(100))
                .until(condition::getAsBoolean);
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
