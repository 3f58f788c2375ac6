package network.synod.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import network.synod.embedded.ServiceProcess;

/**
 * The CUDA worker image's way of loading PyTorch, proved on a CPU machine: libtorch is installed outside the
 * application and named by {@code PYTORCH_LIBRARY_PATH} (the image's {@code /opt/libtorch/lib}), with the flavor
 * and version in {@code PYTORCH_FLAVOR}/{@code PYTORCH_VERSION}, an empty DJL cache and no network. The worker must
 * load that libtorch rather than the CPU natives bundled in its jar, and train and answer on it. The image points
 * the same variables at the CUDA build with flavor {@code cu128}; only the directory's contents differ.
 */
class ExternalLibtorchIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aWorkerTrainsAndAnswersOnTheLibtorchItsImageNames(@TempDir Path tmp) throws Exception {
        Path libtorch = installLibtorch(tmp.resolve("opt/libtorch/lib"));
        Path cache = Files.createDirectories(tmp.resolve("djl-cache"));
        Map<String, String> env = Map.of(
                "PYTORCH_LIBRARY_PATH",
                libtorch.toString(),
                "PYTORCH_VERSION",
                "2.7.1",
                "PYTORCH_FLAVOR",
                "cpu",
                "DJL_CACHE_DIR",
                cache.toString(),
                "ENGINE_CACHE_DIR",
                cache.toString());
        try (ServiceProcess worker = ServiceProcess.start(
                "worker-external-libtorch",
                ServiceProcess.jar(LocalCluster.ROOT, "services/worker"),
                0,
                List.of(
                        "-Dsynod.model.kind=mlp", "-Dsynod.model.mlp.min-samples=20",
                        "-Dsynod.model.mlp.retrain-every=50", "-Dai.djl.offline=true"),
                env,
                LocalCluster.LOGS)) {
            worker.awaitReady("/v2/health/ready", LocalCluster.READY);
            String untrained = sha256(worker);

            double[] window = new double[80];
            for (int i = 0; i < window.length; i++) {
                window[i] = 100 + 10 * Math.sin(2 * Math.PI * i / 12) + 0.1 * i;
            }
            JsonNode answer = infer(worker, window);
            double forecast = answer.at("/outputs/0/data/0").doubleValue();
            assertTrue(Double.isFinite(forecast), "forecast " + answer);
            assertNotEquals(untrained, sha256(worker), "80 revealed values past min-samples 20 train the network");

            String log = Files.readString(LocalCluster.LOGS.resolve("worker-external-libtorch.log"));
            assertTrue(log.contains("natives from " + libtorch), "the worker names the libtorch it loaded:\n" + log);
        }
        // Only DJL's small JNI bridge is unpacked into the cache; the 450 MB of libtorch stay where the image put
        // them, which is what lets the CUDA image drop the CPU natives from the application.
        try (Stream<Path> files = Files.walk(cache)) {
            List<String> names = files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .toList();
            assertFalse(names.stream().anyMatch(n -> n.startsWith("libtorch")), "cache holds " + names);
            assertTrue(names.stream().anyMatch(n -> n.endsWith("libdjl_torch.so")), "cache holds " + names);
        }
    }

    /**
     * Unpacks the CPU libtorch that DJL ships in {@code pytorch-native-cpu} into {@code dir}, as the CUDA image's
     * build stage unpacks the CUDA one into {@code /opt/libtorch/lib}.
     */
    private static Path installLibtorch(Path dir) throws IOException {
        Files.createDirectories(dir);
        Properties p = new Properties();
        try (InputStream in = resource("native/lib/pytorch.properties")) {
            p.load(in);
        }
        String from = "pytorch/" + p.getProperty("flavor") + "/" + p.getProperty("classifier") + "/";
        for (String lib : p.getProperty("libraries").split(",")) {
            try (InputStream in = resource(from + lib)) {
                Files.copy(in, dir.resolve(lib), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        assertEquals("cpu", p.getProperty("flavor"));
        return dir.toAbsolutePath();
    }

    private static InputStream resource(String name) {
        InputStream in = ExternalLibtorchIT.class.getClassLoader().getResourceAsStream(name);
        assertNotNull(in, name + " is not on the test classpath (pytorch-native-cpu comes through synod-cli)");
        return in;
    }

    private static String sha256(ServiceProcess worker) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(worker.url() + "/v2/models/model"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body()).path("parameters").path("sha256").asText();
    }

    private static JsonNode infer(ServiceProcess worker, double[] window) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of(
                "id",
                "libtorch-1",
                "parameters",
                Map.of("step", window.length, "season", 12),
                "inputs",
                List.of(Map.of(
                        "name", "window", "datatype", "FP64", "shape", List.of(window.length), "data", window))));
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(worker.url() + "/v2/models/model/infer"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }
}
