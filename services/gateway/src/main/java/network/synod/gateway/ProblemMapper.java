package network.synod.gateway;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
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
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", uri.getPath());
        return Response.status(status).type("application/problem+json").entity(body).build();
    }
}
