package network.synod.scoring.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import network.synod.scoring.closing.JsonCodec;
import network.synod.web.ProblemResponses;

/**
 * Refuses a body declared larger than {@code quarkus.http.limits.max-body-size} with a problem body. Quarkus
 * enforces the same limit in a route of its own (order -2) but answers an empty 413, before any exception
 * mapper could run; this route runs just ahead of it.
 */
@ApplicationScoped
public class BodyLimit {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    @Inject
    JsonCodec json;

    void install(@Observes Router router) {
        long max = maxBodySize.asLongValue();
        router.route().order(-3).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && isOver(length, max)) {
                ctx.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, ProblemResponses.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(json.write(ProblemResponses.body(413, "Content Too Large",
                                "the body is larger than " + max + " bytes", null)));
                return;
            }
            ctx.next();
        });
    }

    private static boolean isOver(String length, long max) {
        try {
            return Long.parseLong(length.trim()) > max;
        } catch (NumberFormatException e) {
            return false; // a malformed length is the HTTP layer's to refuse
        }
    }
}
