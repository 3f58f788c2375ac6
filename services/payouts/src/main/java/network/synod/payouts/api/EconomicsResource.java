package network.synod.payouts.api;

import java.util.Map;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import network.synod.payouts.ledger.LedgerQueries;
import network.synod.payouts.parameters.EmissionParameters;
import network.synod.payouts.parameters.TopicEconomics;
import network.synod.web.Problem;

/** Open reads of the economics and of settled epochs. */
@Path("/v1")
public class EconomicsResource {

    private final LedgerQueries queries;

    public EconomicsResource(LedgerQueries queries) {
        this.queries = queries;
    }

    @GET
    @Path("emission")
    public Uni<EmissionParameters> emission() {
        return Panache.withSession(() -> EmissionParameters.findById(1));
    }

    @GET
    @Path("topics/{topic}/economics")
    public Uni<TopicEconomics> topic(@PathParam("topic") String topic) {
        return Panache.withSession(() -> TopicEconomics.<TopicEconomics>findById(topic))
                .map(t -> {
                    if (t == null) {
                        throw Problem.notFound("no economics set for topic " + topic);
                    }
                    return t;
                });
    }

    @GET
    @Path("epochs/{epoch}/topics/{topic}/settlement")
    public Uni<Map<String, Object>> settlement(
            @PathParam("epoch") long epoch,
            @PathParam("topic") String topic,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("100") int size) {
        return queries.settlementReport(topic, epoch, Paging.page(page), Paging.size(size));
    }
}
