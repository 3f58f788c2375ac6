package network.synod.payouts.api;

import java.util.Map;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import io.smallrye.mutiny.Uni;

import network.synod.payouts.ledger.LedgerQueries;
import network.synod.payouts.stake.StakeService;
import network.synod.web.auth.RequireRole;
import network.synod.web.auth.Role;

/**
 * A participant's money: reads are open; writes need that participant's own token. Every write takes an optional
 * {@code Idempotency-Key}; a key already applied is refused with 409 and changes nothing.
 */
@Path("/v1/participants/{id}")
public class ParticipantResource {

    private final StakeService stake;
    private final LedgerQueries queries;

    public ParticipantResource(StakeService stake, LedgerQueries queries) {
        this.stake = stake;
        this.queries = queries;
    }

    @GET
    @Path("balances")
    public Uni<LedgerQueries.Balances> balances(@PathParam("id") String id) {
        return queries.balances(id);
    }

    @GET
    @Path("stake")
    public Uni<LedgerQueries.Positions> positions(@PathParam("id") String id) {
        return queries.positions(id);
    }

    @GET
    @Path("statement")
    public Uni<LedgerQueries.Page<LedgerQueries.StatementLine>> statement(
            @PathParam("id") String id,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        return queries.statement(id, Paging.page(page), Paging.size(size));
    }

    @POST
    @Path("stake/deposits")
    @RequireRole(Role.PARTICIPANT)
    public Uni<Response> deposit(
            @PathParam("id") String id, @HeaderParam("Idempotency-Key") String key, Requests.Deposit body) {
        Requests.Deposit d = Requests.body(body);
        return created(stake.deposit(id, d.topic(), Requests.amount(d.amount()), IdempotencyKeys.check(key)));
    }

    @POST
    @Path("stake/delegations")
    @RequireRole(Role.PARTICIPANT)
    public Uni<Response> delegate(
            @PathParam("id") String id, @HeaderParam("Idempotency-Key") String key, Requests.Delegation body) {
        Requests.Delegation d = Requests.body(body);
        return created(
                stake.delegate(id, d.topic(), d.target(), Requests.amount(d.amount()), IdempotencyKeys.check(key)));
    }

    @POST
    @Path("stake/unbondings")
    @RequireRole(Role.PARTICIPANT)
    public Uni<Response> unbond(
            @PathParam("id") String id, @HeaderParam("Idempotency-Key") String key, Requests.Unbonding body) {
        Requests.Unbonding u = Requests.body(body);
        return created(
                stake.unbond(id, u.topic(), u.target(), Requests.amount(u.amount()), IdempotencyKeys.check(key)));
    }

    @POST
    @Path("stake/withdrawals")
    @RequireRole(Role.PARTICIPANT)
    public Uni<Response> withdraw(
            @PathParam("id") String id, @HeaderParam("Idempotency-Key") String key, Requests.Amount body) {
        return created(stake.withdraw(id, Requests.amount(Requests.body(body).amount()), IdempotencyKeys.check(key)));
    }

    @POST
    @Path("rewards/claims")
    @RequireRole(Role.PARTICIPANT)
    public Uni<Response> claim(
            @PathParam("id") String id, @HeaderParam("Idempotency-Key") String key, Requests.Amount body) {
        return created(stake.claim(id, Requests.amount(Requests.body(body).amount()), IdempotencyKeys.check(key)));
    }

    static Uni<Response> created(Uni<Long> transaction) {
        return transaction.map(
                tx -> Response.status(201).entity(Map.of("transactionId", tx)).build());
    }
}
