package network.synod.payouts.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.smallrye.mutiny.CompositeException;
import io.vertx.pgclient.PgException;
import network.synod.web.ProblemResponses;

/**
 * The one place where failures become RFC 9457 problem bodies ({@code application/problem+json}). Database
 * constraint violations are translated here too: the constraints are the last line of defence, so a request that
 * slips past the service's own checks still gets a 4xx and changes nothing.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return problem(e.status(), e.title(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return problem(400, "Malformed body", e.getOriginalMessage());
    }

    /** Wrong JSON types ({@code "amount": "lots"}); Quarkus has its own mapper for these, which is not RFC 9457. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return problem(400, "Malformed body", e.getOriginalMessage());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return json(json);
        }
        return problem(status, Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response any(Throwable e) {
        Throwable root = e instanceof CompositeException c ? c.getCauses().get(0) : e;
        if (root instanceof ApiException api) {
            return api(api);
        }
        if (root instanceof PgException pg) {
            switch (pg.getSqlState()) {
                case "23514":
                    return problem(422, "Insufficient funds", "the movement would overdraw an account");
                case "23505":
                    return problem(409, "Request already applied", "a request with this key was already applied");
                case "40P01":
                case "40001":
                    return problem(503, "Busy", "concurrent update; retry the request");
                default:
                    break;
            }
        }
        LOG.error("unexpected failure", root);
        return problem(500, "Internal error", "unexpected failure; see the service log");
    }

    static Response problem(int status, String title, String detail) {
        return ProblemResponses.of(status, title, detail, null);
    }
}
