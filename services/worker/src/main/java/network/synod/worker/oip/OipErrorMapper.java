package network.synod.worker.oip;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** The one place OIP failures become responses: the status and {@code {"error": "..."}}, as KServe answers. */
@Provider
public class OipErrorMapper implements ExceptionMapper<OipException> {

    @Override
    public Response toResponse(OipException e) {
        return Response.status(e.status()).type(MediaType.APPLICATION_JSON).entity(Map.of("error", e.getMessage())).build();
    }
}
