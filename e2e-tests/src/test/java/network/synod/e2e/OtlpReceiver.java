package network.synod.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;

/**
 * A collector stand-in: an OTLP/HTTP endpoint ({@code POST /v1/traces}, protobuf) that keeps every span it is sent
 * in memory, as the services' OTLP exporters would send them to a real collector.
 */
final class OtlpReceiver implements AutoCloseable {

    /** One received span, its ids in hex as in a traceparent header. */
    record ReceivedSpan(
            String service,
            String traceId,
            String spanId,
            String parentSpanId,
            String name,
            String kind,
            List<String> linkedSpanIds,
            Map<String, String> attributes) {

        boolean root() {
            return parentSpanId.isEmpty();
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final ConcurrentLinkedQueue<ReceivedSpan> spans = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> paths = new ConcurrentLinkedQueue<>();

    OtlpReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** The base URL the services' {@code OTEL_EXPORTER_OTLP_ENDPOINT} names. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    /** The paths exports arrived on. */
    List<String> paths() {
        return List.copyOf(paths);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            paths.add(exchange.getRequestURI().getPath());
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            InputStream in = exchange.getRequestBody();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                in = new GZIPInputStream(in);
            }
            ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(in);
            for (ResourceSpans rs : request.getResourceSpansList()) {
                String service = rs.getResource().getAttributesList().stream()
                        .filter(a -> a.getKey().equals("service.name"))
                        .map(KeyValue::getValue)
                        .map(v -> v.getStringValue())
                        .findFirst()
                        .orElse("?");
                for (ScopeSpans ss : rs.getScopeSpansList()) {
                    for (var s : ss.getSpansList()) {
                        List<String> links = new ArrayList<>();
                        s.getLinksList()
                                .forEach(l -> links.add(hex(l.getSpanId().toByteArray())));
                        spans.add(new ReceivedSpan(
                                service,
                                hex(s.getTraceId().toByteArray()),
                                hex(s.getSpanId().toByteArray()),
                                hex(s.getParentSpanId().toByteArray()),
                                s.getName(),
                                s.getKind().name().replace("SPAN_KIND_", ""),
                                links,
                                attributes(s.getAttributesList())));
                    }
                }
            }
            byte[] body = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        }
    }

    /** String, integer, double and boolean attributes, as text. */
    private static Map<String, String> attributes(List<KeyValue> kvs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (KeyValue kv : kvs) {
            AnyValue v = kv.getValue();
            switch (v.getValueCase()) {
                case STRING_VALUE -> out.put(kv.getKey(), v.getStringValue());
                case INT_VALUE -> out.put(kv.getKey(), Long.toString(v.getIntValue()));
                case DOUBLE_VALUE -> out.put(kv.getKey(), Double.toString(v.getDoubleValue()));
                case BOOL_VALUE -> out.put(kv.getKey(), Boolean.toString(v.getBoolValue()));
                default -> {}
            }
        }
        return out;
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
