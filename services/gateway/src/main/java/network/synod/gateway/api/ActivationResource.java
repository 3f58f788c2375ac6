package network.synod.gateway.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import io.smallrye.mutiny.Uni;

import network.synod.gateway.activation.Activations;
import network.synod.web.auth.RequireRole;
import network.synod.web.auth.Role;

/**
 * The operator says a worker is dormant when it scales it to zero (PUT) and active again when a replica is ready
 * (DELETE); admin role required. Requests for a topic whose inferers are all dormant are held (see
 * {@link Activations}).
 */
@Path("/v1/admin/topics/{topic}/workers/{worker}/dormant")
public class ActivationResource {
    @Inject
    Activations activations;

    @PUT
    @RequireRole(Role.ADMIN)
    public Uni<Response> dormant(@PathParam("topic") String topic, @PathParam("worker") String worker) {
        return activations
                .markDormant(topic, worker)
                .map(v -> Response.noContent().build());
    }

    @DELETE
    @RequireRole(Role.ADMIN)
    public Uni<Response> active(@PathParam("topic") String topic, @PathParam("worker") String worker) {
        return activations
                .markActive(topic, worker)
                .map(v -> Response.noContent().build());
    }
}
