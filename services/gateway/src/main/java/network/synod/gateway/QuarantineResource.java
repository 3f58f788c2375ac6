package network.synod.gateway;

import java.util.Map;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import network.synod.web.Problem;

/** Puts a worker in quarantine (no more requests routed to it) and lifts it; admin role required. */
@Path("/v1/admin/topics/{topic}")
public class QuarantineResource {

    @Inject
    Quarantines quarantines;

    @Inject
    Topics topics;

    @Inject
    Credentials credentials;

    /** Why the worker is quarantined. */
    public record Reason(String reason) {
    }

    @GET
    @Path("quarantine")
    public Map<String, String> list(@PathParam("topic") String topic) {
        return quarantines.of(topic);
    }

    @PUT
    @Path("workers/{worker}/quarantine")
    public Uni<Map<String, String>> put(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @PathParam("topic") String topic, @PathParam("worker") String worker, Reason body) {
        credentials.requireAdmin(auth);
        topics.require(topic);
        String reason = body == null || body.reason() == null ? "quarantined by an admin" : body.reason();
        return quarantines.quarantine(topic, worker, reason).map(v -> Map.of("worker", worker, "reason", reason));
    }

    @DELETE
    @Path("workers/{worker}/quarantine")
    public Uni<Response> delete(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, @PathParam("topic") String topic,
            @PathParam("worker") String worker) {
        credentials.requireAdmin(auth);
        topics.require(topic);
        return quarantines.release(topic, worker).map(released -> {
            if (!released) {
                throw Problem.notFound("worker '" + worker + "' of topic '" + topic + "' is not in quarantine");
            }
            return Response.noContent().build();
        });
    }
}
