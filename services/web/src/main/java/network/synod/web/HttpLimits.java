package network.synod.web;

import java.util.Map;
import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a request that is too large before anything reads it, with a problem body: a declared body over Quarkus's
 * own {@code quarkus.http.limits.max-body-size} (413) and a request target over {@link #MAX_URI_LENGTH} characters
 * (414). Quarkus enforces the body limit too, on the bytes that arrive, but answers with an empty 413; this route runs
 * first. Vert.x refuses a request line over {@code quarkus.http.limits.max-initial-line-length} with an empty 414
 * before any route, so that limit is set well above this one (META-INF/microprofile-config.properties of this jar).
 */
@ApplicationScoped
public class HttpLimits {

    /** The longest request target accepted; the old request-line limit of Vert.x, so nothing that worked breaks. */
    public static final int MAX_URI_LENGTH = 4096;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;

    void install(@Observes Router router) {
        long maxBytes = maxBodySize.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
        router.route().order(Integer.MIN_VALUE).handler(ctx -> check(ctx, maxBytes));
    }

    private static void check(RoutingContext ctx, long maxBytes) {
        String uri = ctx.request().uri();
        if (uri.length() > MAX_URI_LENGTH) {
            refuse(
                    ctx,
                    414,
                    "the request target has " + uri.length() + " characters; at most " + MAX_URI_LENGTH
                            + " are accepted",
                    null);
            return;
        }
        long declared = declaredLength(ctx.request().getHeader("Content-Length"));
        if (declared > maxBytes) {
            refuse(
                    ctx,
                    413,
                    "the body has " + declared + " bytes; at most " + maxBytes + " are accepted",
                    ctx.request().path());
            return;
        }
        ctx.next();
    }

    private static long declaredLength(String header) {
        try {
            return header == null ? -1 : Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void refuse(RoutingContext ctx, int status, String detail, String instance) {
        HttpServerResponse response = ctx.response().setStatusCode(status).putHeader("Connection", "close");
        if (ctx.request().path().startsWith("/v2")) {
            response.putHeader("Content-Type", "application/json")
                    .end(new JsonObject(Map.of("error", detail)).encode());
        } else {
            response.putHeader("Content-Type", ProblemResponses.MEDIA_TYPE)
                    .end(new JsonObject(ProblemResponses.body(status, detail, instance, Map.of())).encode());
        }
    }
}
