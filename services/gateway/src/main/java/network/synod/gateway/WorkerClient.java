package network.synod.gateway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import network.synod.core.forecast.ForecastContext;
import network.synod.core.verification.Receipt;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Calls workers over the Open Inference Protocol v2 (docs/contracts.md), each call bounded by a deadline. */
@ApplicationScoped
public class WorkerClient {

    private final WebClient client;

    @Inject
    ReceiptVerifier receipts;

    @ConfigProperty(name = "synod.gateway.worker-timeout")
    Duration timeout;

    @Inject
    public WorkerClient(Vertx vertx) {
        this.client = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true).setMaxPoolSize(64)
                .setTcpNoDelay(true));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** An inferer's forecast for the context; fails if it answers late, with an error, or with no finite number. */
    public Uni<Double> forecast(WorkerEndpoint w, ForecastContext ctx, String requestId) {
        return call(w, encode(ctx, requestId)).map(out -> {
            JsonArray data = output(out, "forecast");
            if (data.size() != 1) {
                throw new IllegalStateException("answered " + data.size() + " values, expected 1");
            }
            return finite(data.getValue(0));
        });
    }

    /** An inferer's answer with its receipt, checked by {@link ReceiptVerifier} (null if the worker signs none). */
    public record Signed(double value, Receipt receipt) {
    }

    /**
     * An inferer's forecast and its receipt; fails like {@link #forecast}, and also when the worker is registered
     * with a key and its receipt does not hold (the reason names the rule broken).
     */
    public Uni<Signed> signedForecast(WorkerEndpoint w, ForecastContext ctx, String requestId) {
        return signedForecast(w, encode(ctx, requestId), ctx, requestId);
    }

    /**
     * As {@link #signedForecast(WorkerEndpoint, ForecastContext, String)} with the request body already encoded by
     * {@link #encode}: every inferer of a topic gets the same bytes, so a fan-out encodes the window once rather
     * than once per worker (formatting doubles is most of the gateway's own work per request).
     */
    public Uni<Signed> signedForecast(WorkerEndpoint w, Buffer body, ForecastContext ctx, String requestId) {
        return call(w, body).map(out -> {
            JsonArray data = output(out, "forecast");
            if (data.size() != 1) {
                throw new IllegalStateException("answered " + data.size() + " values, expected 1");
            }
            double v = finite(data.getValue(0));
            JsonObject params = out.getJsonObject("parameters");
            return new Signed(v, receipts.check(w, requestId, ctx, v,
                    params == null ? null : params.getJsonObject("receipt")));
        });
    }

    /** The OIP request body an inferer is asked with. */
    public static Buffer encode(ForecastContext ctx, String requestId) {
        return Buffer.newInstance(request(ctx, requestId).toBuffer());
    }

    /** A forecaster's predicted log10 loss of each inferer in {@code history}. */
    public Uni<SortedMap<String, Double>> predictLosses(WorkerEndpoint w, ForecastContext ctx, String requestId,
            SortedMap<String, List<Double>> history) {
        JsonObject body = request(ctx, requestId);
        List<String> names = new ArrayList<>(history.keySet());
        int h = history.values().stream().mapToInt(List::size).min().orElse(0);
        JsonArray data = new JsonArray();
        for (String n : names) {
            List<Double> losses = history.get(n);
            losses.subList(losses.size() - h, losses.size()).forEach(data::add);
        }
        body.getJsonArray("inputs").add(new JsonObject().put("name", "loss_history").put("datatype", "FP64")
                .put("shape", new JsonArray().add(names.size()).add(h)).put("data", data));
        body.getJsonObject("parameters").put("inferers", String.join(",", names));
        return call(w, Buffer.newInstance(body.toBuffer())).map(out -> {
            JsonArray predicted = output(out, "predicted_loss");
            if (predicted.size() != names.size()) {
                throw new IllegalStateException("predicted " + predicted.size() + " losses for " + names.size()
                        + " inferers");
            }
            SortedMap<String, Double> result = new TreeMap<>();
            for (int i = 0; i < names.size(); i++) {
                result.put(names.get(i), finite(predicted.getValue(i)));
            }
            return result;
        });
    }

    private Uni<JsonObject> call(WorkerEndpoint w, Buffer body) {
        return client.postAbs(w.url() + "/v2/models/" + w.model() + "/infer")
                .timeout(timeout.toMillis())
                .putHeader("Content-Type", "application/json")
                .sendBuffer(body)
                .map(r -> {
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("HTTP " + r.statusCode() + ": " + r.bodyAsString());
                    }
                    return r.bodyAsJsonObject();
                });
    }

    private static JsonObject request(ForecastContext ctx, String requestId) {
        JsonArray window = new JsonArray();
        for (double v : ctx.window()) {
            window.add(v);
        }
        return new JsonObject().put("id", requestId)
                .put("parameters", new JsonObject().put("step", ctx.step()).put("season", ctx.season()))
                .put("inputs", new JsonArray().add(new JsonObject().put("name", "window").put("datatype", "FP64")
                        .put("shape", new JsonArray().add(window.size())).put("data", window)));
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
                    .onFailure().recoverWithItem(e -> new Outcome<T>(worker, null,
                            e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    static Map<String, String> failures(List<? extends Outcome<?>> outcomes) {
        Map<String, String> out = new TreeMap<>();
        outcomes.stream().filter(o -> o.failure() != null).forEach(o -> out.put(o.worker(), o.failure()));
        return out;
    }
}
