package network.synod.gateway;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import network.synod.web.ProblemResponses;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a request whose declared body exceeds {@code synod.http.max-body-bytes} with a 413 problem body,
 * before anything reads it. Quarkus's own, larger limit still stops undeclared (chunked) floods, with an
 * empty 413.
 */
public class BodyLimit {

    @ConfigProperty(name = "synod.http.max-body-bytes", defaultValue = "1048576")
    long maxBytes;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            long declared;
            try {
                declared = length == null ? -1 : Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                declared = -1;
            }
            if (declared > maxBytes) {
                JsonObject problem = new JsonObject(ProblemResponses.body(413, "Content Too Large", "the body has "
                        + declared + " bytes; at most " + maxBytes + " are accepted", ctx.request().path()));
                ctx.response().setStatusCode(413).putHeader("Content-Type", ProblemResponses.MEDIA_TYPE)
                        .putHeader("Connection", "close").end(problem.encode());
                return;
            }
            ctx.next();
        });
    }
}
