package network.synod.web.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same bad requests, answered the same way by every service: each service's test extends this with one write
 * endpoint of its own (admin role, JSON body) and one resource that does not exist, and the table below runs against
 * it. Every answer must be an RFC 9457 problem with the status's one title. (Shipped in synod-web's test-jar.)
 */
public abstract class ProblemContract {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "Bearer synod-admin";

    /**
     * A service's write endpoint.
     *
     * @param method           PUT or POST
     * @param path             its path
     * @param wrongType        a body whose field has the wrong JSON type
     * @param unknownValue     a well-formed body with a value the service does not know
     */
    public record Endpoint(String method, String path, String wrongType, String unknownValue) {}

    /** One bad request and the status every service answers it with. */
    public record Case(String name, int status, String token, String body, boolean endpoint, String path) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The service under test, on its test port (Quarkus injects it here for every subclass). */
    @TestHTTPResource("/")
    URI base;

    /** The service's write endpoint that the body cases are sent to. */
    protected abstract Endpoint write();

    private URI base() {
        return base;
    }

    private static String unknownResource() {
        return "/v1/no-such-thing";
    }

    static List<Case> cases() {
        String oversize = "{\"pad\": \"" + "x".repeat(1_100_000) + "\"}";
        return List.of(
                new Case("malformed JSON", 400, ADMIN, "{\"epoch\": ", true, null),
                new Case("wrong type", 400, ADMIN, null, true, "wrong-type"),
                new Case("unknown field value", 400, ADMIN, null, true, "unknown-value"),
                new Case("oversize body", 413, ADMIN, oversize, true, null),
                new Case("missing token", 401, null, "{}", true, null),
                new Case("wrong token", 401, "Bearer not-a-token", "{}", true, null),
                new Case("unknown resource", 404, null, null, false, "unknown"),
                new Case("long path", 414, null, null, false, "/v1/" + "a".repeat(5000)));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void everyBadRequestIsAProblemWithTheStatusAndItsTitle(Case c) throws IOException, InterruptedException {
        if (c.status() == 413) {
            assertProblem(c, declareOversizeBody(c));
            return;
        }
        HttpRequest.Builder request;
        if (c.endpoint()) {
            Endpoint e = write();
            String body = "wrong-type".equals(c.path())
                    ? e.wrongType()
                    : "unknown-value".equals(c.path()) ? e.unknownValue() : c.body();
            request = HttpRequest.newBuilder(base().resolve(e.path()))
                    .header("Content-Type", "application/json")
                    .method(e.method(), HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        } else {
            String path = "unknown".equals(c.path()) ? unknownResource() : c.path();
            request = HttpRequest.newBuilder(base().resolve(path)).GET();
        }
        if (c.token() != null) {
            request.header("Authorization", c.token());
        }
        HttpResponse<String> answer =
                HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(
                c,
                new Answer(
                        answer.statusCode(),
                        answer.headers().firstValue("Content-Type").orElse(""),
                        answer.body()));
    }

    private record Answer(int status, String contentType, String body) {}

    private static void assertProblem(Case c, Answer answer) throws IOException {
        assertEquals(c.status(), answer.status(), c.name() + ": " + answer.body());
        assertEquals(
                "application/problem+json",
                answer.contentType().replaceAll(";.*", "").trim(),
                c.name());
        JsonNode problem = JSON.readTree(answer.body());
        assertEquals(c.status(), problem.path("status").asInt(), answer.body());
        assertEquals(TITLES.get(c.status()), problem.path("title").asText(), answer.body());
        assertTrue(
                problem.path("detail").isTextual()
                        && !problem.path("detail").asText().isBlank(),
                answer.body());
    }

    /**
     * Sends only the headers of a request that declares a body over the limit, as a client would before streaming
     * it, and reads the answer (the service answers without reading a byte of the body and closes the connection).
     */
    private Answer declareOversizeBody(Case c) throws IOException {
        Endpoint e = write();
        URI target = base().resolve(e.path());
        try (Socket socket = new Socket(target.getHost(), target.getPort())) {
            socket.setSoTimeout(30_000);
            String head = e.method() + " " + target.getRawPath() + " HTTP/1.1\r\nHost: " + target.getHost() + ":"
                    + target.getPort() + "\r\nAuthorization: " + c.token() + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + c.body().length() + "\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // Read the head, then exactly Content-Length bytes: the connection may stay open after the answer.
            InputStream in = socket.getInputStream();
            StringBuilder headers = new StringBuilder();
            while (!headers.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                headers.append((char) b);
            }
            String[] lines = headers.toString().split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            String type = header(lines, "content-type");
            int length =
                    Integer.parseInt(header(lines, "content-length").isEmpty() ? "0" : header(lines, "content-length"));
            String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
            return new Answer(status, type, body);
        }
    }

    private static String header(String[] lines, String name) {
        for (String l : lines) {
            if (l.toLowerCase(Locale.ROOT).startsWith(name + ":")) {
                return l.substring(l.indexOf(':') + 1).trim();
            }
        }
        return "";
    }

    /** Written out here, not read from the code under test: RFC 9110's names. */
    private static final Map<Integer, String> TITLES = Map.of(
            400, "Bad Request", 401, "Unauthorized", 404, "Not Found", 413, "Content Too Large", 414, "URI Too Long");
}
