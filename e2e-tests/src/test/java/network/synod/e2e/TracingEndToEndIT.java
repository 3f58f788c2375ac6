package network.synod.e2e;

import static network.synod.e2e.JsonHttp.send;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import network.synod.cli.LocalNetwork;
import network.synod.core.events.TopicSpec;
import network.synod.e2e.OtlpReceiver.ReceivedSpan;
import network.synod.embedded.LocalKafka;
import network.synod.embedded.LocalPostgres;
import network.synod.embedded.ServiceProcess;

/**
 * Traces across the network (README "Tracing"): every service exports its spans by OTLP/HTTP to an in-test collector
 * ({@link OtlpReceiver}), configured only by the standard {@code OTEL_EXPORTER_OTLP_ENDPOINT} and
 * {@code OTEL_EXPORTER_OTLP_PROTOCOL}, as the chart's {@code tracing.otlpEndpoint} sets them. One inference is one
 * trace: the gateway's server span, a client span per worker call, each worker's server span under its call, the
 * record's Kafka producer span and scoring's consumer span under it. The epoch its truth closes is a trace of its own,
 * rooted at the truth's request: scoring's records to synod.weights and synod.epoch-scores, and payouts' and the
 * gateway's consumption of them (docs/contracts.md "Tracing").
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TracingEndToEndIT {

    static final Duration READY = LocalCluster.READY;
    static final Path LOGS = LocalCluster.LOGS.resolveSibling("process-logs-tracing");
    static final String TOPIC = "traced";
    static final double[] WINDOW = {
        315.7, 317.5, 317.6, 316.7, 314.8, 313.8, 313.3, 314.2, 315.2, 316.2, 316.7, 317.3, 318.5
    };

    static OtlpReceiver otlp;
    static LocalPostgres postgres;
    static LocalKafka kafka;
    static final List<ServiceProcess> processes = new ArrayList<>();
    static LocalNetwork network;
    static ServiceProcess scoring;
    static long epoch;

    @BeforeAll
    static void start() throws Exception {
        otlp = new OtlpReceiver();
        postgres = LocalPostgres.startEphemeral();
        kafka = LocalKafka.startEphemeral();
        Map<String, String> env =
                Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", otlp.endpoint(), "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
        // Spans are batched for 5 s by default; the test waits for them, so they are sent sooner.
        List<String> common = List.of(
                "-Dquarkus.otel.bsp.schedule.delay=200ms",
                "-Dquarkus.datasource.reactive.url=" + postgres.reactiveUrl(),
                "-Dquarkus.datasource.username=" + LocalPostgres.USER,
                "-Dkafka.bootstrap.servers=" + kafka.bootstrapServers());
        List<String> gatewayProps = new ArrayList<>(common);
        gatewayProps.add("-Dsynod.gateway.worker-timeout=15S");
        ServiceProcess gateway = start("gateway", "services/gateway", gatewayProps, env);
        scoring = start("scoring", "services/scoring", common, env);
        List<String> payoutsProps = new ArrayList<>(common);
        payoutsProps.addAll(List.of(
                "-DSYNOD_PAYOUTS_DB_URL=" + postgres.reactiveUrl(),
                "-DSYNOD_PAYOUTS_DB_USER=" + LocalPostgres.USER,
                "-DSYNOD_PAYOUTS_DB_PASSWORD=unused",
                "-DSYNOD_KAFKA=" + kafka.bootstrapServers()));
        ServiceProcess payouts = start("payouts", "services/payouts", payoutsProps, env);
        SortedMap<String, LocalNetwork.Worker> workers = new TreeMap<>();
        for (Map.Entry<String, String> w : Map.of("last", "last", "ma5", "ma").entrySet()) {
            ServiceProcess p = start(
                    "worker-" + w.getKey(),
                    "services/worker",
                    List.of("-Dquarkus.otel.bsp.schedule.delay=200ms", "-Dsynod.model.kind=" + w.getValue()),
                    env);
            workers.put(w.getKey(), new LocalNetwork.Worker(p.url(), "model", "inferer", w.getValue()));
        }
        for (ServiceProcess p : processes) {
            p.awaitReady(p.name().startsWith("worker-") ? "/v2/health/ready" : "/q/health/ready", READY);
        }
        network = new LocalNetwork(gateway.url(), scoring.url(), "synod-admin", "synod-reputer", workers);
        network.register(TOPIC, new TopicSpec("mse", "synod", 12, null, null, null, null, null, 1), workers.keySet());
    }

    private static ServiceProcess start(String name, String module, List<String> props, Map<String, String> env)
            throws Exception {
        ServiceProcess p =
                ServiceProcess.start(name, ServiceProcess.jar(LocalCluster.ROOT, module), 0, props, env, LOGS);
        processes.add(p);
        return p;
    }

    @AfterAll
    static void stop() {
        processes.parallelStream().forEach(ServiceProcess::close);
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (otlp != null) {
            otlp.close();
        }
    }

    @Test
    @Order(1)
    void oneInferenceIsOneTraceThroughEveryWorkerKafkaAndScoring() throws Exception {
        JsonNode answer = send(
                "POST",
                network.gateway() + "/v1/topics/" + TOPIC + "/inferences",
                Map.of("window", WINDOW, "id", "traced-1"),
                null);
        epoch = answer.get("epoch").asLong();

        // Each process exports on its own schedule: wait until the scoring step of this trace has come in.
        List<ReceivedSpan> trace = await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> traceOf("synod-gateway", "SERVER", "/inferences"),
                        t -> t.stream()
                                        .anyMatch(s -> s.service().equals("synod-scoring")
                                                && s.kind().equals("CONSUMER"))
                                && t.stream()
                                                .filter(s -> s.service().equals("synod-worker"))
                                                .count()
                                        == 2
                                && t.stream().anyMatch(s -> s.kind().equals("PRODUCER")));
        System.out.println("[tracing] the trace of one inference:\n" + tree(trace));

        ReceivedSpan request =
                only(trace, s -> s.service().equals("synod-gateway") && s.kind().equals("SERVER"));
        assertTrue(request.root(), "the client sent no traceparent, so the gateway's request span is the root");
        assertTrue(trace.stream().allMatch(s -> s.traceId().equals(request.traceId())));
        assertEquals(
                Map.of("synod.topic", TOPIC, "synod.epoch", Long.toString(epoch), "synod.request_id", "traced-1"),
                synodAttributes(request));

        // Every worker call: a client span under the request, and the worker's server span under that call.
        List<ReceivedSpan> calls = trace.stream()
                .filter(s -> s.service().equals("synod-gateway") && s.kind().equals("CLIENT"))
                .toList();
        assertEquals(2, calls.size(), tree(trace));
        List<ReceivedSpan> served = trace.stream()
                .filter(s -> s.service().equals("synod-worker") && s.kind().equals("SERVER"))
                .toList();
        assertEquals(2, served.size(), tree(trace));
        for (ReceivedSpan call : calls) {
            assertTrue(descendsFrom(trace, call, request), call + " is not under " + request);
            assertEquals(
                    1,
                    served.stream()
                            .filter(s -> s.parentSpanId().equals(call.spanId()))
                            .count(),
                    "one worker span under " + call + "\n" + tree(trace));
        }

        // The Kafka hop: the record's producer span under the request, scoring's consumer span under the producer.
        ReceivedSpan produced =
                only(trace, s -> s.service().equals("synod-gateway") && s.kind().equals("PRODUCER"));
        assertTrue(produced.name().startsWith("synod.inferences"), produced.name());
        assertTrue(descendsFrom(trace, produced, request), tree(trace));
        ReceivedSpan consumed =
                only(trace, s -> s.service().equals("synod-scoring") && s.kind().equals("CONSUMER"));
        assertEquals(produced.spanId(), consumed.parentSpanId(), tree(trace));
    }

    @Test
    @Order(2)
    void theTruthClosesTheEpochInATraceThroughScoringKafkaAndPayouts() throws Exception {
        send(
                "POST",
                scoring.url() + "/v1/topics/" + TOPIC + "/ground-truth",
                Map.of("epoch", epoch, "value", 318.0),
                "Bearer synod-reputer");
        List<ReceivedSpan> trace = await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> traceOf("synod-scoring", "SERVER", "/ground-truth"),
                        t -> t.stream()
                                        .anyMatch(s -> s.service().equals("synod-payouts")
                                                && s.kind().equals("CONSUMER"))
                                && t.stream()
                                        .anyMatch(s -> s.service().equals("synod-gateway")
                                                && s.kind().equals("CONSUMER")));
        System.out.println("[tracing] the trace of the truth that closes the epoch:\n" + tree(trace));

        ReceivedSpan truth =
                only(trace, s -> s.service().equals("synod-scoring") && s.kind().equals("SERVER"));
        // Where it meets the inference's trace: the same topic and epoch on both request spans.
        assertEquals(Map.of("synod.topic", TOPIC, "synod.epoch", Long.toString(epoch)), synodAttributes(truth));
        ReceivedSpan scores =
                only(trace, s -> s.kind().equals("PRODUCER") && s.name().startsWith("synod.epoch-scores"));
        ReceivedSpan weights =
                only(trace, s -> s.kind().equals("PRODUCER") && s.name().startsWith("synod.weights"));
        assertTrue(descendsFrom(trace, scores, truth), tree(trace));
        assertTrue(descendsFrom(trace, weights, truth), tree(trace));
        assertEquals(
                scores.spanId(),
                only(trace, s -> s.service().equals("synod-payouts") && s.kind().equals("CONSUMER"))
                        .parentSpanId(),
                tree(trace));
        assertEquals(
                weights.spanId(),
                only(trace, s -> s.service().equals("synod-gateway") && s.kind().equals("CONSUMER"))
                        .parentSpanId(),
                tree(trace));
    }

    /** Every span received so far of the trace whose {@code kind} span of {@code service} is named ...suffix. */
    private static List<ReceivedSpan> traceOf(String service, String kind, String suffix) {
        List<ReceivedSpan> all = otlp.spans();
        Optional<String> id = all.stream()
                .filter(s -> s.service().equals(service)
                        && s.kind().equals(kind)
                        && s.name().endsWith(suffix))
                .map(ReceivedSpan::traceId)
                .findFirst();
        return id.map(t -> all.stream().filter(s -> s.traceId().equals(t)).toList())
                .orElse(List.of());
    }

    private static Map<String, String> synodAttributes(ReceivedSpan span) {
        return span.attributes().entrySet().stream()
                .filter(e -> e.getKey().startsWith("synod."))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static ReceivedSpan only(List<ReceivedSpan> trace, java.util.function.Predicate<ReceivedSpan> p) {
        List<ReceivedSpan> found = trace.stream().filter(p).toList();
        assertEquals(1, found.size(), tree(trace));
        return found.get(0);
    }

    private static boolean descendsFrom(List<ReceivedSpan> trace, ReceivedSpan span, ReceivedSpan ancestor) {
        Map<String, ReceivedSpan> byId = trace.stream().collect(Collectors.toMap(ReceivedSpan::spanId, s -> s));
        for (ReceivedSpan s = span; s != null; s = byId.get(s.parentSpanId())) {
            if (s.parentSpanId().equals(ancestor.spanId())) {
                return true;
            }
        }
        return false;
    }

    /** The trace as an indented tree: service, kind, name, span id and parent span id. */
    static String tree(List<ReceivedSpan> trace) {
        StringBuilder out = new StringBuilder();
        Map<String, List<ReceivedSpan>> children =
                trace.stream().collect(Collectors.groupingBy(ReceivedSpan::parentSpanId));
        java.util.Set<String> ids = trace.stream().map(ReceivedSpan::spanId).collect(Collectors.toSet());
        trace.stream().filter(s -> !ids.contains(s.parentSpanId())).forEach(s -> print(out, s, children, 0));
        return out.toString();
    }

    private static void print(StringBuilder out, ReceivedSpan s, Map<String, List<ReceivedSpan>> children, int depth) {
        out.append("  ".repeat(depth + 1))
                .append(String.format(
                        "%-14s %-8s %-45s span %s parent %s%s%n",
                        s.service(),
                        s.kind(),
                        s.name(),
                        s.spanId(),
                        s.parentSpanId().isEmpty() ? "-" : s.parentSpanId(),
                        s.linkedSpanIds().isEmpty() ? "" : " links " + s.linkedSpanIds()));
        children.getOrDefault(s.spanId(), List.of()).stream()
                .sorted(Comparator.comparing(ReceivedSpan::name))
                .forEach(c -> print(out, c, children, depth + 1));
    }
}
