package network.synod.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import network.synod.core.verification.Commitment;
import network.synod.core.verification.Hashes;
import network.synod.core.verification.Receipt;
import network.synod.core.verification.Signatures;

/**
 * An OIP worker answering with a receipt, honest or broken in one chosen way: as an inferer the window's last value,
 * as a forecaster a predicted loss for each inferer it is asked about.
 */
final class SigningWorkerServer implements AutoCloseable {

    /**
     * How it answers. SWITCHED commits to its answer and then reveals another one (as a worker that changes its
     * answer after seeing others' would); NO_COMMITMENT answers a commit request with its answer instead.
     */
    enum Mode {
        HONEST,
        TAMPERED,
        REPLAYED,
        BORROWED,
        WRONG_DIGEST,
        SWITCHED,
        NO_COMMITMENT
    }

    static final String DIGEST = Hashes.sha256Hex("synod-reference/last");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    final String name;
    final KeyPair key = Signatures.generate();
    private final KeyPair other = Signatures.generate();
    private final Mode mode;
    private final AtomicReference<Receipt> first = new AtomicReference<>();
    final AtomicInteger calls = new AtomicInteger();

    SigningWorkerServer(String name, Mode mode) throws IOException {
        this.name = name;
        this.mode = mode;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v2/models/model/infer", this::answer);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    Map<String, Object> registration() {
        return Map.of("url", url(), "publicKey", Signatures.encode(key.getPublic()), "modelDigest", DIGEST);
    }

    Map<String, Object> forecasterRegistration() {
        return Map.of(
                "url",
                url(),
                "publicKey",
                Signatures.encode(key.getPublic()),
                "modelDigest",
                DIGEST,
                "role",
                "forecaster");
    }

    private void answer(HttpExchange ex) throws IOException {
        calls.incrementAndGet();
        JsonNode req = JSON.readTree(ex.getRequestBody());
        JsonNode data = req.path("inputs").get(0).path("data");
        double[] window = new double[data.size()];
        for (int i = 0; i < window.length; i++) {
            window[i] = data.get(i).asDouble();
        }
        String id = req.path("id").asText();
        long step = req.path("parameters").path("step").asLong();
        int season = req.path("parameters").path("season").asInt();
        String inferers = req.path("parameters").path("inferers").asText(null);
        // An inferer answers the window's last value; a forecaster (asked with the inferers' loss history) predicts
        // a log10 loss for each inferer.
        double[] v = inferers == null
                ? new double[] {window[window.length - 1]}
                : IntStream.range(0, inferers.split(",").length)
                        .mapToDouble(i -> -1 - 0.1 * i)
                        .toArray();
        String phase = req.path("parameters").path("phase").asText(null);
        String salt = Hashes.sha256Hex("salt/" + name + "/" + id).substring(0, 32);
        if ("commit".equals(phase) && mode != Mode.NO_COMMITMENT) {
            reply(
                    ex,
                    Map.of(
                            "model_name",
                            "model",
                            "id",
                            id,
                            "outputs",
                            List.of(),
                            "parameters",
                            Map.of("commitment", Commitment.hash(v, salt, name, id), "worker", name)));
            return;
        }
        if ("reveal".equals(phase) && mode == Mode.SWITCHED) {
            v = shifted(v, 0.5);
        }
        Receipt honest = new Receipt(
                DIGEST,
                Hashes.inputHash(id, step, season, window),
                Hashes.outputHash(v),
                name,
                Instant.now().toString(),
                null);
        Receipt r = switch (mode) {
            case HONEST, SWITCHED, NO_COMMITMENT -> Signatures.sign(honest, key.getPrivate());
            case TAMPERED -> {
                // Signed for one answer, then the output hash edited to match a different one.
                v = shifted(v, 1);
                Receipt signed = Signatures.sign(honest, key.getPrivate());
                yield new Receipt(
                        signed.modelDigest(),
                        signed.inputHash(),
                        Hashes.outputHash(v),
                        signed.worker(),
                        signed.time(),
                        signed.signature());
            }
            case REPLAYED -> first.updateAndGet(old -> old != null ? old : Signatures.sign(honest, key.getPrivate()));
            case BORROWED ->
                Signatures.sign(
                        new Receipt(
                                honest.modelDigest(),
                                honest.inputHash(),
                                honest.outputHash(),
                                "someone-else",
                                honest.time(),
                                null),
                        other.getPrivate());
            case WRONG_DIGEST ->
                Signatures.sign(
                        new Receipt(
                                Hashes.sha256Hex("a cheaper model"),
                                honest.inputHash(),
                                honest.outputHash(),
                                name,
                                honest.time(),
                                null),
                        key.getPrivate());
        };
        reply(
                ex,
                Map.of(
                        "model_name",
                        "model",
                        "id",
                        id,
                        "outputs",
                        List.of(Map.of(
                                "name",
                                inferers == null ? "forecast" : "predicted_loss",
                                "datatype",
                                "FP64",
                                "shape",
                                List.of(v.length),
                                "data",
                                v)),
                        "parameters",
                        "reveal".equals(phase) ? Map.of("receipt", r, "salt", salt) : Map.of("receipt", r)));
    }

    private static double[] shifted(double[] values, double by) {
        return Arrays.stream(values).map(x -> x + by).toArray();
    }

    private static void reply(HttpExchange ex, Map<String, Object> body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
