package network.synod.payouts.api;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import network.synod.core.events.EpochScoresEvent;
import network.synod.core.events.FraudEvent;
import network.synod.payouts.ledger.Account;
import network.synod.payouts.ledger.LedgerAudit;
import network.synod.payouts.parameters.EmissionParameters;
import network.synod.payouts.parameters.TopicEconomics;
import network.synod.payouts.settlement.SettlementResult;
import network.synod.payouts.settlement.SettlementService;
import network.synod.payouts.slashing.SlashResult;
import network.synod.payouts.slashing.SlashingService;
import network.synod.payouts.stake.StakeService;
import network.synod.web.Problem;
import network.synod.web.auth.RequireRole;
import network.synod.web.auth.Role;

/** Admin-only operations: registration, genesis grants, economics, manual settlement and slashing, the audit. */
@Path("/v1/admin")
public class AdminResource {

    private final StakeService stake;
    private final SettlementService settlement;
    private final SlashingService slashing;
    private final LedgerAudit audit;

    public AdminResource(
            StakeService stake, SettlementService settlement, SlashingService slashing, LedgerAudit audit) {
        this.stake = stake;
        this.settlement = settlement;
        this.slashing = slashing;
        this.audit = audit;
    }

    @PUT
    @Path("participants/{id}")
    @RequireRole(Role.ADMIN)
    public Uni<Response> register(@PathParam("id") String id) {
        return stake.register(id)
                .map(x -> Response.ok(Map.of("participant", id)).build());
    }

    @POST
    @Path("grants")
    @RequireRole(Role.ADMIN)
    public Uni<Response> grant(@HeaderParam("Idempotency-Key") String key, Requests.Grant body) {
        Requests.Grant g = Requests.body(body);
        return ParticipantResource.created(
                stake.grant(g.participant(), Requests.amount(g.amount()), IdempotencyKeys.check(key)));
    }

    @PUT
    @Path("emission")
    @RequireRole(Role.ADMIN)
    public Uni<EmissionParameters> emission(Requests.Emission body) {
        Requests.Emission e = Requests.body(body);
        for (Long v : Arrays.asList(e.perEpoch(), e.halvingEveryEpochs(), e.cap())) {
            if (v != null && v < 0) {
                throw Problem.badRequest("perEpoch, halvingEveryEpochs and cap must not be negative");
            }
        }
        int validators = e.validatorsBps() == null ? -1 : e.validatorsBps();
        int owner = e.topicOwnerBps() == null ? -1 : e.topicOwnerBps();
        return Panache.withTransaction(() -> EmissionParameters.<EmissionParameters>findById(1)
                .map(p -> {
                    if (e.perEpoch() != null) {
                        p.perEpoch = e.perEpoch();
                    }
                    if (e.halvingEveryEpochs() != null) {
                        p.halvingEveryEpochs = e.halvingEveryEpochs();
                    }
                    if (e.cap() != null) {
                        p.cap = e.cap();
                    }
                    if (validators >= 0) {
                        p.validatorsBps = validators;
                    }
                    if (owner >= 0) {
                        p.topicOwnerBps = owner;
                    }
                    if (p.validatorsBps < 0
                            || p.topicOwnerBps < 0
                            || p.validatorsBps + p.topicOwnerBps > 10_000
                            || (e.validatorsBps() != null && e.validatorsBps() < 0)
                            || (e.topicOwnerBps() != null && e.topicOwnerBps() < 0)) {
                        throw Problem.badRequest("validatorsBps and topicOwnerBps must be >= 0 and sum to <= 10000");
                    }
                    return p;
                }));
    }

    @PUT
    @Path("topics/{topic}/economics")
    @RequireRole(Role.ADMIN)
    public Uni<TopicEconomics> economics(@PathParam("topic") String topic, Requests.Economics body) {
        if (!Account.validName(topic)) {
            throw Problem.badRequest("topic must match " + Account.NAME.pattern());
        }
        Requests.Economics e = Requests.body(body);
        if ((e.minStake() != null && e.minStake() < 0) || (e.feeRevenue() != null && e.feeRevenue() < 0)) {
            throw Problem.badRequest("minStake and feeRevenue must not be negative");
        }
        if (e.splitMode() != null && !List.of("ENTROPY", "FIXED").contains(e.splitMode())) {
            throw Problem.badRequest("splitMode is ENTROPY or FIXED");
        }
        return Panache.withTransaction(() -> TopicEconomics.<TopicEconomics>findById(topic)
                .chain(found -> {
                    TopicEconomics t = found != null ? found : new TopicEconomics();
                    t.topic = topic;
                    if (e.minStake() != null) {
                        t.minStake = e.minStake();
                    }
                    if (e.feeRevenue() != null) {
                        t.feeRevenue = e.feeRevenue();
                    }
                    if (e.splitMode() != null) {
                        t.splitMode = e.splitMode();
                    }
                    if (e.inferersBps() != null) {
                        t.inferersBps = e.inferersBps();
                    }
                    if (e.forecastersBps() != null) {
                        t.forecastersBps = e.forecastersBps();
                    }
                    if (e.reputersBps() != null) {
                        t.reputersBps = e.reputersBps();
                    }
                    if (t.inferersBps < 0
                            || t.forecastersBps < 0
                            || t.reputersBps < 0
                            || t.inferersBps + t.forecastersBps + t.reputersBps > 10_000) {
                        throw Problem.badRequest("the fixed fractions must be >= 0 and sum to <= 10000 bps");
                    }
                    return found != null ? Uni.createFrom().item(t) : t.<TopicEconomics>persist();
                }));
    }

    /** Settles like a message on synod.epoch-scores would; for operators and tests. */
    @POST
    @Path("settlements")
    @RequireRole(Role.ADMIN)
    public Uni<SettlementResult> settle(EpochScoresEvent body) {
        return settlement.settle(Requests.body(body));
    }

    /** Applies a fraud event like a message on synod.fraud-events would. */
    @POST
    @Path("fraud-events")
    @RequireRole(Role.ADMIN)
    public Uni<SlashResult> slash(FraudEvent body) {
        return slashing.slash(Requests.body(body));
    }

    /** The conservation check: the same SQL the tests run. */
    @GET
    @Path("conservation")
    @RequireRole(Role.ADMIN)
    public Uni<LedgerAudit.Report> conservation() {
        return audit.check();
    }
}
