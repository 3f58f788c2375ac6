package network.synod.gateway.inference;

import java.security.PublicKey;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.json.JsonObject;

import network.synod.core.forecast.ForecastContext;
import network.synod.core.verification.Hashes;
import network.synod.core.verification.Receipt;
import network.synod.core.verification.ReceiptCheck;
import network.synod.core.verification.ReplayGuard;
import network.synod.core.verification.Signatures;
import network.synod.gateway.GatewayConfig;
import network.synod.gateway.registry.WorkerEndpoint;

/**
 * Checks the receipt of each answer from a worker registered with a key (bad signature, wrong digest, input or
 * output not the ones exchanged, replayed, issued to another worker). A refused receipt makes the answer a failed
 * one, with the reason; refusals are counted in {@code synod_gateway_receipt_rejections_total{worker,reason}}.
 */
@ApplicationScoped
@io.quarkus.runtime.Startup // warm the signature code at start, not on the first keyed worker's answer
public class ReceiptVerifier {

    @Inject
    MeterRegistry metrics;

    @Inject
    GatewayConfig config;

    @jakarta.annotation.PostConstruct
    void warmUp() {
        Signatures.warmUp();
    }

    private volatile ReceiptCheck check;
    private final Map<String, PublicKey> keys = new ConcurrentHashMap<>();

    /** The verified receipt, or null for a worker registered without a key that sent none. */
    Receipt check(WorkerEndpoint w, String requestId, ForecastContext ctx, double value, JsonObject json) {
        return check(w, requestId, ctx, new double[] {value}, json);
    }

    /** As above for an answer of several values (a forecaster's predicted losses, in the order it gave them). */
    Receipt check(WorkerEndpoint w, String requestId, ForecastContext ctx, double[] values, JsonObject json) {
        if (w.publicKey() == null) {
            return null;
        }
        Receipt r = json == null
                ? null
                : new Receipt(
                        json.getString("modelDigest"),
                        json.getString("inputHash"),
                        json.getString("outputHash"),
                        json.getString("worker"),
                        json.getString("time"),
                        json.getString("signature"));
        ReceiptCheck.Result result = checker()
                .check(
                        r,
                        new ReceiptCheck.Expected(
                                w.name(),
                                keys.computeIfAbsent(w.publicKey(), Signatures::publicKey),
                                w.modelDigest(),
                                Hashes.inputHash(requestId, ctx.step(), ctx.season(), ctx.window()),
                                values),
                        Instant.now());
        if (!result.ok()) {
            metrics.counter(
                            "synod_gateway_receipt_rejections_total",
                            "worker",
                            w.name(),
                            "reason",
                            result.failure().code)
                    .increment();
            throw new IllegalStateException("receipt rejected (" + result.failure().code + "): " + result.detail());
        }
        return r;
    }

    private ReceiptCheck checker() {
        ReceiptCheck c = check;
        if (c == null) {
            synchronized (this) {
                if (check == null) {
                    check = new ReceiptCheck(new ReplayGuard(config.receiptReplayWindow()), config.receiptMaxSkew());
                }
                c = check;
            }
        }
        return c;
    }
}
