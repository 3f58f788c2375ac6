package network.synod.gateway;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The operator says a worker is dormant when it scales it to zero (PUT) and active again when a replica is ready
 * (DELETE); admin role required. Requests for a topic whose inferers are all dormant are held (see
 * {@link Activations}).
 */
@Path("/v1/admin/topics/{topic}/workers/{worker}/dormant")
public class ActivationResource {

    @Inject
    Activations activations;

    @Inject
    Credentials credentials;

    @PUT
    public Uni<Response> dormant(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, @PathParam("topic") String topic,
            @PathParam("worker") String worker) {
        credentials.requireAdmin(auth);
        return activations.markDormant(topic, worker).map(v -> Response.noContent().build());
    }

    @DELETE
    public Uni<Response> active(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, @PathParam("topic") String topic,
            @PathParam("worker") String worker) {
        credentials.requireAdmin(auth);
        return activations.markActive(topic, worker).map(v -> Response.noContent().build());
    }
}
