package network.synod.verification;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import network.synod.web.Problem;
import network.synod.web.ProblemResponses;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one translation point from exceptions to problem bodies. */
public class ProblemMapper {

    @ServerExceptionMapper
    public Response problem(Problem p, UriInfo uri) {
        return answer(uri, p.status(), p.title(), p.getMessage());
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e, UriInfo uri) {
        return answer(uri, 400, "Bad Request", "malformed JSON: " + e.getOriginalMessage());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException j) {
            return malformed(j, uri);
        }
        return answer(uri, e.getResponse().getStatus(), e.getResponse().getStatusInfo().getReasonPhrase(),
                e.getMessage());
    }

    static Response answer(UriInfo uri, int status, String title, String detail) {
        return ProblemResponses.of(status, title, detail, uri.getPath());
    }
}
