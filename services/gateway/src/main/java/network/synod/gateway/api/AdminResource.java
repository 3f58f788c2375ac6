package network.synod.gateway.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import io.smallrye.mutiny.Uni;

import network.synod.core.events.TopicSpec;
import network.synod.gateway.registry.Topics;
import network.synod.gateway.registry.WorkerEndpoint;
import network.synod.web.Problem;
import network.synod.web.auth.RequireRole;
import network.synod.web.auth.Role;

/** Registers topics and their workers (the operator drives this); admin role required. */
@Path("/v1/admin/topics")
public class AdminResource {
    @Inject
    Topics topics;

    /** A worker as registered: where it listens, which model, which role, and the key and digest it signs with. */
    public record WorkerRegistration(String url, String model, String role, String publicKey, String modelDigest) {}

    @PUT
    @Path("{topic}")
    @RequireRole(Role.ADMIN)
    public Uni<TopicView> putTopic(@PathParam("topic") String topic, TopicSpec spec) {
        return topics.put(topic, spec).map(TopicView::of);
    }

    @DELETE
    @Path("{topic}")
    @RequireRole(Role.ADMIN)
    public Uni<Response> deleteTopic(@PathParam("topic") String topic) {
        topics.require(topic);
        return topics.delete(topic).map(d -> Response.noContent().build());
    }

    @PUT
    @Path("{topic}/workers/{worker}")
    @RequireRole(Role.ADMIN)
    public Uni<WorkerEndpoint> putWorker(
            @PathParam("topic") String topic, @PathParam("worker") String worker, WorkerRegistration body) {
        if (body == null) {
            throw Problem.badRequest("a worker registration needs a body {\"url\", \"model\", \"role\"}");
        }
        return topics.putWorker(
                topic,
                new WorkerEndpoint(
                        worker, body.url(), body.model(), body.role(), body.publicKey(), body.modelDigest()));
    }

    @DELETE
    @Path("{topic}/workers/{worker}")
    @RequireRole(Role.ADMIN)
    public Uni<Response> deleteWorker(@PathParam("topic") String topic, @PathParam("worker") String worker) {
        return topics.deleteWorker(topic, worker).map(deleted -> {
            if (!deleted) {
                throw Problem.notFound("topic '" + topic + "' has no worker '" + worker + "'");
            }
            return Response.noContent().build();
        });
    }
}
