package network.synod.web;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.smallrye.mutiny.CompositeException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import network.synod.core.refusal.Refusal;

/**
 * The one place where failures become HTTP answers, for every service: RFC 9457 {@code application/problem+json} on
 * the Synod API, {@code {"error": …}} on the Open Inference Protocol paths ({@code /v2}), as KServe answers there.
 * The caller's mistakes are 4xx with a detail that says what was wrong; anything unexpected is a 500 with a request
 * id that is also in the log beside the stack trace, and no stack trace in the answer.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    /** RESTEasy's own detail for a parameter it could not convert, which tells the caller nothing. */
    private static final String BARE_DETAIL = "HTTP ";

    @Inject
    Instance<ProblemTranslator> translators;

    @ServerExceptionMapper
    public Response problem(Problem p, UriInfo uri) {
        return answer(uri, p);
    }

    @ServerExceptionMapper
    public Response refusal(Refusal r, UriInfo uri) {
        return answer(uri, asProblem(r));
    }

    /**
     * Values the domain rejects (out of range, unknown name). One rule for every service: a request that is wrong
     * (unreadable, mistyped, or with a value that is not allowed) is 400; 422 is kept for a request that is right but
     * that the state cannot honour (insufficient funds).
     */
    @ServerExceptionMapper
    public Response invalid(IllegalArgumentException e, UriInfo uri) {
        return answer(uri, Problem.badRequest(e.getMessage()));
    }

    /** Syntax errors and wrong JSON types; listed apart because Quarkus has built-in mappers for both. */
    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e, UriInfo uri) {
        return answer(uri, Problem.badRequest(malformedDetail(e)));
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return malformed(e, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformed(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status < 400) {
            return e.getResponse();
        }
        String detail = e.getMessage();
        if (detail == null || detail.startsWith(BARE_DETAIL)) {
            detail = e.getCause() != null && e.getCause().getMessage() != null
                    ? "a parameter could not be read: " + e.getCause().getMessage()
                    : status == 404 ? "no resource at " + uri.getPath() : Titles.of(status);
        }
        return answer(uri, new Problem(status, detail));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        // Mutiny wraps a failure together with its cleanup's failure; the first is the one that matters.
        Throwable root = e instanceof CompositeException c && !c.getCauses().isEmpty()
                ? c.getCauses().get(0)
                : e;
        if (root instanceof Problem p) {
            return problem(p, uri);
        }
        if (root instanceof Refusal r) {
            return refusal(r, uri);
        }
        if (root instanceof IllegalArgumentException i) {
            return invalid(i, uri);
        }
        if (root instanceof WebApplicationException w) {
            return web(w, uri);
        }
        for (ProblemTranslator t : translators) {
            Optional<Problem> p = t.translate(root);
            if (p.isPresent()) {
                return problem(p.get(), uri);
            }
        }
        String requestId = UUID.randomUUID().toString();
        LOG.errorf(root, "unexpected failure of %s (request id %s)", uri.getPath(), requestId);
        return answer(
                uri,
                500,
                "unexpected failure; the service log has it under request id " + requestId,
                Map.of("requestId", requestId));
    }

    /** The status each domain reason is answered with. */
    public static Problem asProblem(Refusal r) {
        return switch (r.reason()) {
            case INVALID -> Problem.badRequest(r.getMessage());
            case INSUFFICIENT_FUNDS -> Problem.unprocessable(r.getMessage());
            case NOT_FOUND -> Problem.notFound(r.getMessage());
            case CONFLICT -> Problem.conflict(r.getMessage());
            case UNAVAILABLE -> Problem.unavailable(r.getMessage(), Math.max(1, r.retryAfterSeconds()));
        };
    }

    private static String malformedDetail(JsonProcessingException e) {
        String where = e instanceof MismatchedInputException m && !m.getPath().isEmpty()
                ? " at '" + m.getPathReference().replaceAll("^[^\\[\"]*", "") + "'"
                : "";
        return "malformed JSON body" + where + ": " + e.getOriginalMessage();
    }

    private static Response answer(UriInfo uri, Problem p) {
        Response r = answer(uri, p.status(), p.getMessage(), Map.of());
        if (p.retryAfterSeconds().isPresent()) {
            return Response.fromResponse(r)
                    .header("Retry-After", p.retryAfterSeconds().getAsLong())
                    .build();
        }
        return r;
    }

    private static Response answer(UriInfo uri, int status, String detail, Map<String, Object> extensions) {
        String path = uri.getPath();
        if (status > 500) {
            // A 500 is logged once, with its stack trace, where it is caught.
            LOG.warnf("%s %s: %s", status, path, detail);
        }
        if (path.startsWith("/v2")) {
            return Response.status(status)
                    .type("application/json")
                    .entity(Map.of("error", String.valueOf(detail)))
                    .build();
        }
        return ProblemResponses.of(status, detail, path, extensions);
    }
}
