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
import network.synod.core.events.TopicSpec;
import network.synod.web.Problem;

/** Registers topics and their workers (the operator drives this); admin role required. */
@Path("/v1/admin/topics")
public class AdminResource {

    @Inject
    Topics topics;

    @Inject
    Credentials credentials;

    /** A worker as registered: where it listens, which model, which role, and the key and digest it signs with. */
    public record WorkerRegistration(String url, String model, String role, String publicKey, String modelDigest) {
    }

    @PUT
    @Path("{topic}")
    public Uni<TopicView> putTopic(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, @PathParam("topic") String topic,
            TopicSpec spec) {
        credentials.requireAdmin(auth);
        return topics.put(topic, spec).map(TopicView::of);
    }

    @DELETE
    @Path("{topic}")
    public Uni<Response> deleteTopic(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @PathParam("topic") String topic) {
        credentials.requireAdmin(auth);
        topics.require(topic);
        return topics.delete(topic).map(d -> Response.noContent().build());
    }

    @PUT
    @Path("{topic}/workers/{worker}")
    public Uni<WorkerEndpoint> putWorker(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @PathParam("topic") String topic, @PathParam("worker") String worker, WorkerRegistration body) {
        credentials.requireAdmin(auth);
        if (body == null) {
            throw Problem.badRequest("a worker registration needs a body {\"url\", \"model\", \"role\"}");
        }
        return topics.putWorker(topic, new WorkerEndpoint(worker, body.url(), body.model(), body.role(),
                body.publicKey(), body.modelDigest()));
    }

    @DELETE
    @Path("{topic}/workers/{worker}")
    public Uni<Response> deleteWorker(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @PathParam("topic") String topic, @PathParam("worker") String worker) {
        credentials.requireAdmin(auth);
        return topics.deleteWorker(topic, worker).map(deleted -> {
            if (!deleted) {
                throw Problem.notFound("topic '" + topic + "' has no worker '" + worker + "'");
            }
            return Response.noContent().build();
        });
    }
}
