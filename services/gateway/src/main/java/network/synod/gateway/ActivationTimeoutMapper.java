package network.synod.gateway;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import network.synod.web.Problem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers an {@link ActivationTimeout} like any {@link Problem}, plus {@code Retry-After}. */
public class ActivationTimeoutMapper {

    @ServerExceptionMapper
    public Response timeout(ActivationTimeout e, UriInfo uri) {
        return Response.fromResponse(ProblemMapper.answer(uri, e.status(), e.title(), e.getMessage()))
                .header("Retry-After", String.valueOf(e.retryAfterSeconds())).build();
    }
}
