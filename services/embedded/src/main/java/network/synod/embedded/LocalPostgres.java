package network.synod.embedded;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * A private PostgreSQL server run from the machine's own binaries (Debian's {@code postgresql-15} or newer):
 * its own data directory, its own port on 127.0.0.1, trust authentication. It is a real server, started in
 * under a second, and gone when {@link #close()} returns.
 *
 * <p>PostgreSQL refuses to run as root, so as root every command runs as the {@code postgres} user.
 *
 * <p>{@code pg_ctl} detaches the server from this JVM, so a JVM that exits without {@link #close()} (Ctrl-C on a
 * benchmark, a killed test fork) would leave it running and its port taken; a shutdown hook closes it then.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String USER = "synod";

    private final Path dir;
    private final Path bin;
    private final int port;
    private final boolean durable;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread closeAtExit = new Thread(this::stopOnce, "local-postgres-stop");

    private LocalPostgres(Path dir, Path bin, int port, boolean durable) {
        this.dir = dir;
        this.bin = bin;
        this.port = port;
        this.durable = durable;
    }

    /** Starts a throwaway server for tests: fsync off, deleted on close. */
    public static LocalPostgres startEphemeral() throws IOException {
        return start(Files.createTempDirectory("synod-pg"), freePort(), false);
    }

    /**
     * Starts a server whose data lives in {@code dir} (initialised on first use) and listens on {@code port}
     * (0 = any free port). A durable server keeps its data on close.
     */
    public static LocalPostgres start(Path dir, int port, boolean durable) throws IOException {
        Path bin = findBinaries();
        Files.createDirectories(dir);
        int chosen = port == 0 ? freePort() : port;
        LocalPostgres pg = new LocalPostgres(dir.toAbsolutePath(), bin, chosen, durable);
        Runtime.getRuntime().addShutdownHook(pg.closeAtExit);
        try {
            pg.initAndStart();
        } catch (IOException | RuntimeException e) {
            pg.close();
            throw e;
        }
        return pg;
    }

    public int port() {
        return port;
    }

    /** The Vert.x reactive client URL, as Quarkus's {@code quarkus.datasource.reactive.url} takes it. */
    public String reactiveUrl() {
        return "postgresql://127.0.0.1:" + port + "/postgres";
    }

    public String jdbcUrl() {
        return jdbcUrl("postgres");
    }

    /** The JDBC URL of another database on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private void initAndStart() throws IOException {
        if (asRoot()) {
            run(List.of("chown", "-R", "postgres:postgres", dir.toString()), false);
        }
        Path data = dir.resolve("data");
        if (!Files.exists(data.resolve("PG_VERSION"))) {
            run(
                    List.of(
                            bin.resolve("initdb").toString(),
                            "-D",
                            data.toString(),
                            "-U",
                            USER,
                            "-A",
                            "trust",
                            "-E",
                            "UTF8",
                            "--no-sync"),
                    true);
        }
        String options = "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c max_connections=200"
                + (durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        run(
                List.of(
                        bin.resolve("pg_ctl").toString(),
                        "-D",
                        data.toString(),
                        "-w",
                        "-t",
                        "60",
                        "-l",
                        dir.resolve("postgres.log").toString(),
                        "-o",
                        options,
                        "start"),
                true);
    }

    /**
     * For a caller that closes this server in its own shutdown hook, after the services that use it have stopped
     * (JVM shutdown hooks run concurrently, so this one could stop the server under them).
     */
    public LocalPostgres closedByCallerAtExit() {
        Runtime.getRuntime().removeShutdownHook(closeAtExit);
        return this;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(closeAtExit);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: the hook, if still registered, may run too; stopOnce makes that harmless.
        }
        stopOnce();
    }

    private void stopOnce() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            run(
                    List.of(
                            bin.resolve("pg_ctl").toString(),
                            "-D",
                            dir.resolve("data").toString(),
                            "-m",
                            durable ? "fast" : "immediate",
                            "-w",
                            "stop"),
                    true);
        } catch (IOException e) {
            // The server may already be gone (killed with its process group); nothing left to stop.
        }
        if (!durable) {
            deleteTree(dir);
        }
    }

    private static Path findBinaries() {
        String fromEnv = System.getenv("PG_BIN");
        if (fromEnv != null && Files.isExecutable(Path.of(fromEnv, "pg_ctl"))) {
            return Path.of(fromEnv);
        }
        for (String version : List.of("17", "16", "15")) {
            Path candidate = Path.of("/usr/lib/postgresql", version, "bin");
            if (Files.isExecutable(candidate.resolve("pg_ctl"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no PostgreSQL server binaries found under /usr/lib/postgresql/{17,16,15}/bin; "
                + "install them with `apt-get install -y postgresql-15` or set PG_BIN");
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(List<String> command, boolean asPostgresUser) throws IOException {
        List<String> full = new ArrayList<>();
        if (asPostgresUser && asRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        try {
            if (p.waitFor() != 0) {
                throw new IOException("command failed (" + p.exitValue() + "): " + String.join(" ", full) + "\n" + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + String.join(" ", full), e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Best effort: a temp directory left behind is harmless.
        }
    }
}
