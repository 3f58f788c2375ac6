package network.synod.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool$;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real Kafka broker (KRaft, broker and controller in one node) running inside this JVM, on 127.0.0.1.
 * It is the same broker code as a production cluster, with replication factors of one.
 */
public final class LocalKafka implements AutoCloseable {

    private final KafkaRaftServer server;
    private final Path logDir;
    private final int port;
    private final boolean durable;

    private LocalKafka(KafkaRaftServer server, Path logDir, int port, boolean durable) {
        this.server = server;
        this.logDir = logDir;
        this.port = port;
        this.durable = durable;
    }

    /** Starts a throwaway broker on free ports; its logs are deleted on close. */
    public static LocalKafka startEphemeral() throws IOException {
        return start(Files.createTempDirectory("synod-kafka"), 0, false);
    }

    /** Starts a broker keeping its logs in {@code logDir} on {@code port} (0 = any free port). */
    public static LocalKafka start(Path logDir, int port, boolean durable) throws IOException {
        Files.createDirectories(logDir);
        int chosen = port == 0 ? LocalPostgres.freePort() : port;
        int controllerPort = LocalPostgres.freePort();
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + chosen + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + chosen);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.resolve("data").toString());
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("num.partitions", "1");
        p.put("auto.create.topics.enable", "true");
        Path config = logDir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(config)) {
            p.store(out, "Synod local broker");
        }
        // A durable broker restarted on the same directory is already formatted; formatting again would fail.
        if (!Files.exists(logDir.resolve("data").resolve("meta.properties"))) {
            PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
            int rc = StorageTool$.MODULE$.execute(
                    new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()}, quiet);
            if (rc != 0) {
                throw new IOException("formatting the Kafka log directory failed with code " + rc);
            }
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(p, false), Time.SYSTEM);
        server.startup();
        return new LocalKafka(server, logDir, chosen, durable);
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        if (!durable) {
            LocalPostgres.deleteTree(logDir);
        }
    }
}
