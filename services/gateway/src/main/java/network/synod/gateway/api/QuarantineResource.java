package network.synod.gateway.api;

import java.util.Map;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import io.smallrye.mutiny.Uni;

import network.synod.gateway.quarantine.Quarantines;
import network.synod.gateway.registry.Topics;
import network.synod.web.Problem;
import network.synod.web.auth.RequireRole;
import network.synod.web.auth.Role;

/** Puts a worker in quarantine (no more requests routed to it) and lifts it; admin role required. */
@Path("/v1/admin/topics/{topic}")
public class QuarantineResource {
    @Inject
    Quarantines quarantines;

    @Inject
    Topics topics;

    /** Why the worker is quarantined. */
    public record Reason(String reason) {}

    @GET
    @Path("quarantine")
    public Map<String, String> list(@PathParam("topic") String topic) {
        return quarantines.of(topic);
    }

    @PUT
    @Path("workers/{worker}/quarantine")
    @RequireRole(Role.ADMIN)
    public Uni<Map<String, String>> put(
            @PathParam("topic") String topic, @PathParam("worker") String worker, Reason body) {
        topics.require(topic);
        String reason = body == null || body.reason() == null ? "quarantined by an admin" : body.reason();
        return quarantines.quarantine(topic, worker, reason).map(v -> Map.of("worker", worker, "reason", reason));
    }

    @DELETE
    @Path("workers/{worker}/quarantine")
    @RequireRole(Role.ADMIN)
    public Uni<Response> delete(@PathParam("topic") String topic, @PathParam("worker") String worker) {
        topics.require(topic);
        return quarantines.release(topic, worker).map(released -> {
            if (!released) {
                throw Problem.notFound("worker '" + worker + "' of topic '" + topic + "' is not in quarantine");
            }
            return Response.noContent().build();
        });
    }
}
