package network.synod.gateway;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import network.synod.web.Problem;
import org.jboss.logging.Logger;
import network.synod.web.ProblemResponses;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where exceptions become HTTP answers: problem+json on /v1, {"error": …} on the OIP paths. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response problem(Problem p, jakarta.ws.rs.core.UriInfo uri) {
        return answer(uri, p.status(), p.title(), p.getMessage());
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e, jakarta.ws.rs.core.UriInfo uri) {
        return answer(uri, 400, "Bad Request", "malformed JSON: " + e.getOriginalMessage());
    }

    @ServerExceptionMapper
    public Response invalid(IllegalArgumentException e, jakarta.ws.rs.core.UriInfo uri) {
        return answer(uri, 400, "Bad Request", e.getMessage());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, jakarta.ws.rs.core.UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException j) {
            return malformed(j, uri);
        }
        return answer(uri, status, e.getResponse().getStatusInfo().getReasonPhrase(), e.getMessage());
    }

    static Response answer(jakarta.ws.rs.core.UriInfo uri, int status, String title, String detail) {
        if (status >= 500) {
            LOG.warnf("%s %s: %s", status, uri.getPath(), detail);
        }
        if (uri.getPath().startsWith("/v2")) {
            return Response.status(status).type("application/json").entity(Map.of("error", String.valueOf(detail)))
                    .build();
        }
        return ProblemResponses.of(status, title, detail, uri.getPath());
    }
}
