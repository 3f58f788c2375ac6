package network.synod.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The e2e suites' JSON calls to the services: a non-2xx answer fails the test with the service's body. */
final class JsonHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    // Generous: every service shares two cores with the others and a cold JVM's first answers take seconds.
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private JsonHttp() {}

    static JsonNode get(String url) throws Exception {
        return get(url, null);
    }

    /** GET with an {@code Authorization} header (e.g. {@code "Bearer synod-admin"}) when auth is not null. */
    static JsonNode get(String url, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT);
        if (auth != null) {
            b.header("Authorization", auth);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + url + " → " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** The status a GET answers with, whatever it is. */
    static int status(String url) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    static JsonNode send(String method, String url, Object body, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new AssertionError(method + " " + url + " → " + r.statusCode() + ": " + r.body());
        }
        return r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
    }
}
