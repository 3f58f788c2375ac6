package network.synod.scoring.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.smallrye.mutiny.CompositeException;
import network.synod.web.ProblemResponses;

/** The one place where failures become {@code application/problem+json} answers. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.status(), e.title(), e.getMessage());
    }

    /** A spec or a truth the core rejects (out-of-range parameter, truth outside the loss's domain). */
    @ServerExceptionMapper
    public Response invalid(IllegalArgumentException e) {
        return respond(422, "Unprocessable Content", e.getMessage());
    }

    // Both parse errors and type mismatches are the caller's fault; the mismatch mapper is listed on its
    // own because Quarkus ships a more specific built-in one that would otherwise answer without a problem body.
    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e) {
        return respond(400, "Bad Request", "malformed JSON body: " + e.getOriginalMessage());
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return malformed(e);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        Response.StatusType s = e.getResponse().getStatusInfo();
        return respond(s.getStatusCode(), s.getReasonPhrase(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        // Mutiny wraps a failure and its cleanup's failure together; the first is the one that matters.
        if (e instanceof CompositeException c && !c.getCauses().isEmpty()) {
            Throwable first = c.getCauses().get(0);
            if (first instanceof ProblemException p) {
                return problem(p);
            }
            if (first instanceof IllegalArgumentException i) {
                return invalid(i);
            }
        }
        LOG.error("unexpected failure", e);
        return respond(500, "Internal Server Error", "an unexpected error occurred");
    }

    static Response respond(int status, String title, String detail) {
        return ProblemResponses.of(status, title, detail, null);
    }
}
