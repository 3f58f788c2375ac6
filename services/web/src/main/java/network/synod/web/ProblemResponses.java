package network.synod.web;

import java.util.LinkedHashMap;
import java.util.Map;
import jakarta.ws.rs.core.Response;

/**
 * The one shape of an RFC 9457 answer across the services: type, title, status, detail, the instance (the request's
 * path) when known, then any extension members ({@code requestId} of a 500).
 */
public final class ProblemResponses {

    public static final String MEDIA_TYPE = "application/problem+json";

    private ProblemResponses() {}

    /** The body, in the order RFC 9457 lists the members; {@code instance} is left out when null. */
    public static Map<String, Object> body(int status, String detail, String instance, Map<String, Object> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", Titles.of(status));
        body.put("status", status);
        body.put("detail", detail == null ? Titles.of(status) : detail);
        if (instance != null) {
            body.put("instance", instance);
        }
        body.putAll(extensions);
        return body;
    }

    public static Response of(int status, String detail, String instance, Map<String, Object> extensions) {
        return Response.status(status)
                .type(MEDIA_TYPE)
                .entity(body(status, detail, instance, extensions))
                .build();
    }
}
