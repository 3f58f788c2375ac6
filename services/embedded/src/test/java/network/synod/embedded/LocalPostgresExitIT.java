package network.synod.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * A JVM stopped with SIGTERM (Ctrl-C on a benchmark, a test fork cancelled) takes its PostgreSQL with it: the
 * server runs detached from the JVM, so without the shutdown hook it would keep running and hold its port.
 */
class LocalPostgresExitIT {

    /** The child JVM: starts a server, says where, and waits to be stopped. */
    public static final class Holder {
        public static void main(String[] args) throws Exception {
            LocalPostgres pg = LocalPostgres.startEphemeral();
            System.out.println(pg.port() + " " + pg.reactiveUrl());
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    @Test
    void aServerStopsWithTheJvmThatStartedItWhenThatJvmIsTerminated() throws Exception {
        Process child = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Holder.class.getName()))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String line;
        try {
            line = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8)).readLine();
        } catch (RuntimeException e) {
            child.destroyForcibly();
            throw e;
        }
        assertNotNull(line, "the child JVM started no server");
        int port = Integer.parseInt(line.split(" ")[0]);
        try {
            try (Socket s = new Socket("127.0.0.1", port)) {
                assertTrue(s.isConnected());
            }
            Path dataDir = postmaster(port).map(LocalPostgresExitIT::tempDir).orElse(null);
            assertNotNull(dataDir, "no postmaster process found for port " + port);
            child.destroy(); // SIGTERM, as Ctrl-C or a supervisor sends
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child JVM did not exit");
            assertEquals(143, child.exitValue(), "the child JVM should have ended on SIGTERM");
            assertThrows(
                    ConnectException.class,
                    () -> new Socket("127.0.0.1", port).close(),
                    "PostgreSQL still listens after the JVM that started it was terminated");
            assertFalse(Files.exists(dataDir), "the throwaway data directory was left behind: " + dataDir);
        } finally {
            child.destroyForcibly();
            postmaster(port).ifPresent(ProcessHandle::destroyForcibly); // only if the test failed
        }
    }

    /** The PostgreSQL server process listening on this port, found by its command line. */
    private static Optional<ProcessHandle> postmaster(int port) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains("postgres")
                        && p.info().commandLine().orElse("").contains(" -p " + port + " "))
                .findFirst();
    }

    /** The throwaway directory that holds the server's data directory ({@code -D DIR/data}). */
    private static Path tempDir(ProcessHandle postmaster) {
        String command = postmaster.info().commandLine().orElseThrow();
        return Path.of(command.split(" -D ")[1].split(" ")[0]).getParent();
    }
}
