package network.synod.verification;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stateful model as the online mlp behaves: it answers the window's last value plus how many inputs it has been
 * sent since it last started afresh, and starts afresh when an input goes back in time or has another season.
 */
final class OnlineVerifier implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;

    OnlineVerifier() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v2/models/model/infer", this::answer);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The model itself, for the test's honest worker. */
    static final class State {
        long lastStep = Long.MIN_VALUE;
        int season = -1;
        int seen;

        double answer(long step, int s, double[] window) {
            if (s != season || step <= lastStep) {
                seen = 0;
                season = s;
            }
            lastStep = step;
            seen++;
            return window[window.length - 1] + seen;
        }
    }

    private final State state = new State();

    private synchronized void answer(HttpExchange ex) throws IOException {
        JsonNode req = JSON.readTree(ex.getRequestBody());
        JsonNode data = req.path("inputs").get(0).path("data");
        double[] window = new double[data.size()];
        for (int i = 0; i < window.length; i++) {
            window[i] = data.get(i).asDouble();
        }
        double v = state.answer(
                req.path("parameters").path("step").asLong(),
                req.path("parameters").path("season").asInt(),
                window);
        byte[] bytes = JSON.writeValueAsBytes(Map.of(
                "model_name",
                "model",
                "outputs",
                List.of(Map.of("name", "forecast", "datatype", "FP64", "shape", List.of(1), "data", List.of(v)))));
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
