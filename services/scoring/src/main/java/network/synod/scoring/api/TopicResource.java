package network.synod.scoring.api;

import java.util.List;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import com.fasterxml.jackson.core.type.TypeReference;
import io.opentelemetry.api.trace.Span;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

import network.synod.core.events.TopicSpec;
import network.synod.core.synthesis.EpochLosses;
import network.synod.core.synthesis.EpochScores;
import network.synod.core.synthesis.TopicState;
import network.synod.scoring.closing.EpochCloser;
import network.synod.scoring.closing.JsonCodec;
import network.synod.scoring.closing.ReputerConsensus.ReputerResult;
import network.synod.scoring.closing.TruthOutcome;
import network.synod.scoring.store.EpochEntity;
import network.synod.scoring.store.TopicEntity;
import network.synod.web.Problem;
import network.synod.web.auth.RequireRole;
import network.synod.web.auth.Role;

/** A topic's scoring: reputers report ground truth here, and anyone reads the state and closed epochs. */
@Path("/v1/topics/{topic}")
@Produces(MediaType.APPLICATION_JSON)
public class TopicResource {

    private static final TypeReference<List<ReputerResult>> REPUTERS = new TypeReference<>() {};

    @Inject
    JsonCodec json;

    @Inject
    EpochCloser closer;

    @GET
    @WithSession
    public Uni<TopicView> topic(@PathParam("topic") String topic) {
        return find(topic)
                .map(t ->
                        new TopicView(t.name, json.read(t.spec, TopicSpec.class), t.latestEpoch, t.latestNetworkLoss));
    }

    /** The latest state, which the gateway fetches at start-up to resume synthesis where scoring left it. */
    @GET
    @Path("state")
    @WithSession
    public Uni<StateView> state(@PathParam("topic") String topic) {
        return find(topic).map(t -> new StateView(t.name, t.latestEpoch, json.read(t.state, TopicState.class)));
    }

    @GET
    @Path("epochs/{epoch}")
    @WithSession
    public Uni<EpochView> epoch(@PathParam("topic") String topic, @PathParam("epoch") long epoch) {
        return find(topic)
                .chain(t -> EpochEntity.find("topic = ?1 and epoch = ?2", topic, epoch)
                        .<EpochEntity>firstResult())
                .map(e -> {
                    if (e == null) {
                        throw Problem.notFound("epoch " + epoch + " of topic " + topic + " is not closed");
                    }
                    return new EpochView(
                            e.topic,
                            e.epoch,
                            e.consensus,
                            e.networkLoss,
                            json.read(e.losses, EpochLosses.class),
                            json.read(e.scores, EpochScores.class),
                            json.read(e.reputers, REPUTERS),
                            e.closedAt);
                });
    }

    /**
     * Records the calling reputer's truth for an epoch; answers after closing the epoch when this report
     * completes its quorum and the epoch's inference record is in.
     */
    @POST
    @Path("ground-truth")
    @RequireRole(Role.REPUTER)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<TruthOutcome> groundTruth(
            @PathParam("topic") String topic, @Context SecurityContext caller, GroundTruth body) {
        String reputer = caller.getUserPrincipal().getName();
        if (body == null) {
            throw Problem.badRequest("a body {\"epoch\": long, \"value\": number} is required");
        }
        body.validate();
        // The epoch this truth closes is a trace of its own; its request span names the topic and epoch, where it
        // meets the epoch's inference (README "Tracing"). A no-op while tracing is off.
        Span.current().setAttribute("synod.topic", topic).setAttribute("synod.epoch", body.epoch());
        return closer.report(topic, body.epoch(), reputer, body.value());
    }

    private static Uni<TopicEntity> find(String topic) {
        return TopicEntity.<TopicEntity>findById(topic).map(t -> {
            if (t == null) {
                throw Problem.notFound("unknown topic " + topic);
            }
            return t;
        });
    }
}
