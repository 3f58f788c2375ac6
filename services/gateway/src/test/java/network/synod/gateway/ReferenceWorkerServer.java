package network.synod.gateway;

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

import network.synod.core.forecast.ForecastContext;
import network.synod.core.forecast.Forecaster;

/**
 * A small but real OIP v2 worker for the gateway's tests: it runs one of the core forecasters on the window it
 * is sent, optionally after a delay (a slow worker). The Quarkus worker runtime is tested in its own module.
 */
final class ReferenceWorkerServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    final AtomicInteger calls = new AtomicInteger();

    ReferenceWorkerServer(Forecaster forecaster, long delayMillis) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v2/models/model/infer", ex -> answer(ex, forecaster, delayMillis));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void answer(HttpExchange ex, Forecaster forecaster, long delayMillis) throws IOException {
        calls.incrementAndGet();
        try {
            JsonNode req = JSON.readTree(ex.getRequestBody());
            JsonNode data = req.path("inputs").get(0).path("data");
            double[] window = new double[data.size()];
            for (int i = 0; i < window.length; i++) {
                window[i] = data.get(i).asDouble();
            }
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            double v = forecaster.predict(new ForecastContext(
                    req.path("parameters").path("step").asLong(),
                    window,
                    req.path("parameters").path("season").asInt()));
            send(
                    ex,
                    200,
                    Map.of(
                            "model_name",
                            "model",
                            "id",
                            req.path("id").asText(),
                            "outputs",
                            List.of(Map.of(
                                    "name", "forecast", "datatype", "FP64", "shape", List.of(1), "data", List.of(v)))));
        } catch (Exception e) {
            send(ex, 400, Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    private static void send(HttpExchange ex, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
