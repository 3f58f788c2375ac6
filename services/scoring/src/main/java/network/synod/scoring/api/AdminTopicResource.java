package network.synod.scoring.api;

import java.util.regex.Pattern;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import network.synod.core.events.TopicSpec;
import network.synod.core.synthesis.TopicState;
import network.synod.scoring.closing.JsonCodec;
import network.synod.scoring.store.EpochEntity;
import network.synod.scoring.store.InferenceRecordEntity;
import network.synod.scoring.store.TopicEntity;
import network.synod.scoring.store.TruthReportEntity;
import network.synod.web.Problem;
import network.synod.web.auth.RequireRole;
import network.synod.web.auth.Role;

/** Registers and removes topics (admin only); the same API the gateway offers. */
@Path("/v1/admin/topics/{topic}")
@RequireRole(Role.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminTopicResource {

    static final Pattern TOPIC_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    @Inject
    JsonCodec json;

    /** Creates the topic, or changes its spec while keeping what it has learnt; answers the normalised spec. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<TopicSpec> put(@PathParam("topic") String topic, TopicSpec body) {
        if (!TOPIC_NAME.matcher(topic).matches()) {
            throw Problem.badRequest("topic names match " + TOPIC_NAME.pattern() + ", got " + topic);
        }
        TopicSpec spec = (body == null ? new TopicSpec(null, null, null, null, null, null, null, null, null) : body)
                .normalised();
        String specJson = json.write(spec);
        // Locked like closing does, so a spec change never lands in the middle of closing an epoch.
        return Panache.withTransaction(() -> TopicEntity.<TopicEntity>findById(topic, LockModeType.PESSIMISTIC_WRITE)
                        .chain(existing -> {
                            if (existing != null) {
                                existing.spec = specJson;
                                return Uni.createFrom().item(existing);
                            }
                            TopicEntity created = new TopicEntity();
                            created.name = topic;
                            created.spec = specJson;
                            created.state = json.write(TopicState.initial());
                            return created.persist();
                        }))
                .replaceWith(spec);
    }

    /** Removes the topic with its records, truths and closed epochs; waits for any closing in progress. */
    @DELETE
    public Uni<Response> delete(@PathParam("topic") String topic) {
        return Panache.withTransaction(() -> TopicEntity.<TopicEntity>findById(topic, LockModeType.PESSIMISTIC_WRITE)
                        .chain(existing -> {
                            if (existing == null) {
                                throw Problem.notFound("unknown topic " + topic);
                            }
                            return InferenceRecordEntity.delete("topic", topic)
                                    .chain(() -> TruthReportEntity.delete("topic", topic))
                                    .chain(() -> EpochEntity.delete("topic", topic))
                                    .chain(existing::delete);
                        }))
                .replaceWith(Response.noContent().build());
    }
}
