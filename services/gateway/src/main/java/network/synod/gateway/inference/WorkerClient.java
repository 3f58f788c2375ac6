package network.synod.gateway.inference;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.WebClient;

import network.synod.core.events.InferRequest;
import network.synod.core.forecast.ForecastContext;
import network.synod.core.verification.Receipt;
import network.synod.gateway.GatewayConfig;
import network.synod.gateway.registry.WorkerEndpoint;

/** Calls workers over the Open Inference Protocol v2 (docs/contracts.md), each call bounded by a deadline. */
@ApplicationScoped
public class WorkerClient {

    private final WebClient client;

    @Inject
    ReceiptVerifier receipts;

    @Inject
    GatewayConfig config;

    @Inject
    public WorkerClient(Vertx vertx) {
        this.client = WebClient.create(
                vertx,
                new WebClientOptions().setKeepAlive(true).setMaxPoolSize(64).setTcpNoDelay(true));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** An inferer's answer with its receipt, checked by {@link ReceiptVerifier} (null if the worker signs none). */
    public record Signed(double value, Receipt receipt) {}

    /**
     * A revealed answer: what the caller uses, the raw values the worker committed to, and the salt that opens the
     * commitment (null for an answer given without commit-reveal).
     */
    public record Revealed<T>(T value, double[] values, String salt) {}

    /** The OIP request body an inferer is asked with; {@code phase} is null, {@code commit} or {@code reveal}. */
    public static Buffer encode(ForecastContext ctx, String requestId, String phase) {
        return Buffer.newInstance(Json.encodeToBuffer(request(ctx, requestId, phase)));
    }

    /**
     * An inferer's forecast and its receipt, for a body made by {@link #encode} (every inferer of a topic gets the
     * same bytes, so a fan-out formats the window once rather than once per worker). Fails if the worker answers
     * late, with an error, or with no finite number, or when it is registered with a key and its receipt does not
     * hold (the reason names the rule broken).
     */
    public Uni<Revealed<Signed>> signedForecast(WorkerEndpoint w, Buffer body, ForecastContext ctx, String requestId) {
        return call(w, body).map(out -> {
            JsonArray data = output(out, "forecast");
            if (data.size() != 1) {
                throw new IllegalStateException("answered " + data.size() + " values, expected 1");
            }
            double v = finite(data.getValue(0));
            JsonObject params = out.getJsonObject("parameters");
            Signed signed = new Signed(
                    v, receipts.check(w, requestId, ctx, v, params == null ? null : params.getJsonObject("receipt")));
            return new Revealed<>(signed, new double[] {v}, parameter(out, "salt"));
        });
    }

    /** A commitment and the worker id it binds. */
    public record Committed(String hash, String worker) {}

    /**
     * A worker's commitment to its answer, asked with a {@code commit} body; the answer itself stays with it. A
     * worker registered with a key must commit under its registered name, as it signs receipts under it.
     */
    public Uni<Committed> commit(WorkerEndpoint w, Buffer body) {
        return call(w, body).map(out -> {
            String hash = parameter(out, "commitment");
            if (hash == null || hash.isBlank()) {
                throw new IllegalStateException("asked to commit, answered no commitment");
            }
            String worker = parameter(out, "worker");
            if (worker == null || worker.isBlank()) {
                throw new IllegalStateException("committed without naming the worker the commitment binds");
            }
            if (w.publicKey() != null && !w.name().equals(worker)) {
                throw new IllegalStateException("committed as '" + worker + "' but registered as '" + w.name() + "'");
            }
            return new Committed(hash, worker);
        });
    }

    /** The body a forecaster is asked with: the context and the recent log10 losses of each inferer. */
    public static Buffer lossRequest(
            ForecastContext ctx, String requestId, SortedMap<String, List<Double>> history, String phase) {
        int h = history.values().stream().mapToInt(List::size).min().orElse(0);
        double[] data = new double[history.size() * h];
        int at = 0;
        for (List<Double> losses : history.values()) {
            for (double loss : losses.subList(losses.size() - h, losses.size())) {
                data[at++] = loss;
            }
        }
        InferRequest body = request(ctx, requestId, phase)
                .withInput(InferRequest.Input.fp64("loss_history", new long[] {history.size(), h}, data))
                .withParameter("inferers", String.join(",", history.keySet()));
        return Buffer.newInstance(Json.encodeToBuffer(body));
    }

    /**
     * A forecaster's predicted log10 loss of each inferer named in the {@link #lossRequest} body; a forecaster
     * registered with a key must sign its answer like an inferer (its receipt is checked here, not kept in the
     * record: audits re-execute inferers' answers).
     */
    public Uni<Revealed<SortedMap<String, Double>>> predictLosses(
            WorkerEndpoint w, Buffer body, List<String> inferers, ForecastContext ctx, String requestId) {
        return call(w, body).map(out -> {
            JsonArray predicted = output(out, "predicted_loss");
            if (predicted.size() != inferers.size()) {
                throw new IllegalStateException(
                        "predicted " + predicted.size() + " losses for " + inferers.size() + " inferers");
            }
            SortedMap<String, Double> result = new TreeMap<>();
            double[] values = new double[inferers.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = finite(predicted.getValue(i));
                result.put(inferers.get(i), values[i]);
            }
            JsonObject params = out.getJsonObject("parameters");
            receipts.check(w, requestId, ctx, values, params == null ? null : params.getJsonObject("receipt"));
            return new Revealed<>(result, values, parameter(out, "salt"));
        });
    }

    private static String parameter(JsonObject answer, String name) {
        JsonObject params = answer == null ? null : answer.getJsonObject("parameters");
        Object v = params == null ? null : params.getValue(name);
        return v instanceof String text ? text : null;
    }

    private Uni<JsonObject> call(WorkerEndpoint w, Buffer body) {
        return client.postAbs(w.url() + "/v2/models/" + w.model() + "/infer")
                .timeout(config.workerTimeout().toMillis())
                .putHeader("Content-Type", "application/json")
                .sendBuffer(body)
                .map(r -> {
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("HTTP " + r.statusCode() + ": " + r.bodyAsString());
                    }
                    return r.bodyAsJsonObject();
                });
    }

    private static InferRequest request(ForecastContext ctx, String requestId, String phase) {
        return InferRequest.forWindow(requestId, ctx.step(), ctx.season(), ctx.window(), phase);
    }

    private static JsonArray output(JsonObject answer, String name) {
        JsonArray outputs = answer == null ? null : answer.getJsonArray("outputs");
        if (outputs != null) {
            for (Object o : outputs) {
                if (o instanceof JsonObject j && name.equals(j.getString("name"))) {
                    return j.getJsonArray("data");
                }
            }
        }
        throw new IllegalStateException("the answer has no output named " + name);
    }

    private static double finite(Object v) {
        if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            throw new IllegalStateException("answered " + v + ", not a finite number");
        }
        return n.doubleValue();
    }

    /** One worker's outcome: its value, or why it has none. */
    record Outcome<T>(String worker, T value, String failure) {
        static <T> Uni<Outcome<T>> of(String worker, Uni<T> call) {
            return call.map(v -> new Outcome<T>(worker, v, null))
                    .onFailure()
                    .recoverWithItem(e -> new Outcome<T>(
                            worker, null, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    static Map<String, String> failures(List<? extends Outcome<?>> outcomes) {
        Map<String, String> out = new TreeMap<>();
        outcomes.stream().filter(o -> o.failure() != null).forEach(o -> out.put(o.worker(), o.failure()));
        return out;
    }
}
