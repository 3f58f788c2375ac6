package network.synod.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.Response;

/** The one shape of an RFC 9457 answer across the services: type, title, status, detail and, when known, instance. */
public final class ProblemResponses {

    public static final String MEDIA_TYPE = "application/problem+json";

    private ProblemResponses() {
    }

    /** The body, in the order RFC 9457 lists the members; {@code instance} is left out when null. */
    public static Map<String, Object> body(int status, String title, String detail, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail == null ? title : detail);
        if (instance != null) {
            body.put("instance", instance);
        }
        return body;
    }

    public static Response of(int status, String title, String detail, String instance) {
        return Response.status(status).type(MEDIA_TYPE).entity(body(status, title, detail, instance)).build();
    }

    public static Response of(Problem p, String instance) {
        return of(p.status(), p.title(), p.getMessage(), instance);
    }
}
