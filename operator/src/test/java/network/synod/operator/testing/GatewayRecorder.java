package network.synod.operator.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the gateway's admin API on a local port (the real gateway is built elsewhere): it records every
 * request and answers GET /v1/topics/{topic} with the demand a test sets and the dormant marks it was sent.
 */
public final class GatewayRecorder implements AutoCloseable {

    /**
     * One recorded request.
     *
     * @param method HTTP method
     * @param path   request path
     * @param auth   Authorization header
     * @param body   request body
     */
    public record Call(String method, String path, String auth, String body) {}

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, String> topicViews = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> dormant = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> quarantined = new ConcurrentHashMap<>();
    private volatile int failWith;

    public GatewayRecorder() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Whether a call with this method and path was recorded. */
    public boolean saw(String method, String path) {
        return calls.stream()
                .anyMatch(c -> c.method().equals(method) && c.path().equals(path));
    }

    /** Sets what GET /v1/topics/{topic} returns. */
    public void demand(String topic, int inFlight, String lastRequestAt) {
        String last = lastRequestAt == null ? "null" : "\"" + lastRequestAt + "\"";
        topicViews.put(
                topic,
                "{\"topic\":\"" + topic + "\",\"workers\":[\"w1\",\"w2\"],\"inFlight\":" + inFlight
                        + ",\"lastRequestAt\":" + last + ",\"networkLoss\":0.125");
    }

    /** Workers of {@code topic} marked dormant and not marked active since. */
    public Set<String> dormant(String topic) {
        return Set.copyOf(dormant.getOrDefault(topic, Set.of()));
    }

    /** Quarantines a worker of {@code topic} (as a verification order would), or lifts it when reason is null. */
    public void quarantine(String topic, String worker, String reason) {
        Map<String, String> q = quarantined.computeIfAbsent(topic, t -> new ConcurrentHashMap<>());
        if (reason == null) {
            q.remove(worker);
        } else {
            q.put(worker, reason);
        }
    }

    /** Makes every request fail with this status (0 to answer normally). */
    public void failWith(int status) {
        this.failWith = status;
    }

    public void reset() {
        calls.clear();
        topicViews.clear();
        dormant.clear();
        quarantined.clear();
        failWith = 0;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String path = exchange.getRequestURI().getRawPath();
        calls.add(new Call(
                exchange.getRequestMethod(), path, exchange.getRequestHeaders().getFirst("Authorization"), body));
        String[] segments = path.split("/");
        boolean mark = segments.length == 8 && path.startsWith("/v1/admin/topics/") && "dormant".equals(segments[7]);
        if (failWith != 0) {
            respond(exchange, failWith, "{\"title\":\"unavailable\"}");
        } else if ("GET".equals(exchange.getRequestMethod()) && path.startsWith("/v1/topics/")) {
            String topic = path.substring("/v1/topics/".length());
            String view = topicViews.get(topic);
            String marks = String.join("\",\"", new TreeSet<>(dormant(topic)));
            StringBuilder held = new StringBuilder();
            new TreeMap<>(quarantined.getOrDefault(topic, Map.of()))
                    .forEach((w, why) -> held.append(held.length() == 0 ? "" : ",")
                            .append('"')
                            .append(w)
                            .append("\":\"")
                            .append(why)
                            .append('"'));
            respond(
                    exchange,
                    view == null ? 404 : 200,
                    view == null
                            ? "{}"
                            : view + ",\"dormant\":[" + (marks.isEmpty() ? "" : "\"" + marks + "\"")
                                    + "],\"quarantined\":{" + held + "}}");
        } else if (mark) {
            Set<String> marked = dormant.computeIfAbsent(segments[4], t -> ConcurrentHashMap.newKeySet());
            if ("PUT".equals(exchange.getRequestMethod())) {
                marked.add(segments[6]);
            } else {
                marked.remove(segments[6]);
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        } else if ("DELETE".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        } else {
            respond(exchange, 200, body.isEmpty() ? "{}" : body);
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
