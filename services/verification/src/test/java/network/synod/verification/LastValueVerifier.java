package network.synod.verification;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A verifier instance of the reference {@code last} model over OIP v2: it answers the window's last value. */
final class LastValueVerifier implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    final AtomicInteger calls = new AtomicInteger();

    LastValueVerifier() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v2/models/model/infer", this::answer);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void answer(HttpExchange ex) throws IOException {
        calls.incrementAndGet();
        JsonNode data = JSON.readTree(ex.getRequestBody()).path("inputs").get(0).path("data");
        byte[] bytes = JSON.writeValueAsBytes(Map.of(
                "model_name",
                "model",
                "outputs",
                List.of(Map.of(
                        "name",
                        "forecast",
                        "datatype",
                        "FP64",
                        "shape",
                        List.of(1),
                        "data",
                        List.of(data.get(data.size() - 1).asDouble())))));
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
