package network.synod.operator.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import network.synod.operator.scaling.Demand;

/** {@link GatewayClient} over the JDK HTTP client, authenticating writes with the admin bearer token. */
public class HttpGatewayClient implements GatewayClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final String adminToken;
    private final HttpClient http;
    private final Duration timeout;

    public HttpGatewayClient(String baseUrl, String adminToken, Duration timeout) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.adminToken = adminToken;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Override
    public void putTopic(String topic, TopicSettings settings) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lossFunction", settings.lossFunction());
        if (settings.season() != null) {
            body.put("season", settings.season());
        }
        body.put("mode", settings.mode());
        send("PUT", "/v1/admin/topics/" + enc(topic), body, false);
    }

    @Override
    public void deleteTopic(String topic) {
        send("DELETE", "/v1/admin/topics/" + enc(topic), null, true);
    }

    @Override
    public void putWorker(String topic, String worker, WorkerRegistration registration) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", registration.url());
        body.put("model", registration.model());
        body.put("role", registration.role());
        if (registration.publicKey() != null) {
            body.put("publicKey", registration.publicKey());
        }
        if (registration.modelDigest() != null) {
            body.put("modelDigest", registration.modelDigest());
        }
        send("PUT", "/v1/admin/topics/" + enc(topic) + "/workers/" + enc(worker), body, false);
    }

    @Override
    public void deleteWorker(String topic, String worker) {
        send("DELETE", "/v1/admin/topics/" + enc(topic) + "/workers/" + enc(worker), null, true);
    }

    @Override
    public Optional<TopicView> topic(String topic) {
        HttpResponse<String> response = send("GET", "/v1/topics/" + enc(topic), null, true);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        try {
            return Optional.of(parseTopic(JSON.readTree(response.body())));
        } catch (JsonProcessingException e) {
            throw new GatewayException("unreadable topic view for " + topic + ": " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public void setDormant(String topic, String worker, boolean dormant) {
        send(
                dormant ? "PUT" : "DELETE",
                "/v1/admin/topics/" + enc(topic) + "/workers/" + enc(worker) + "/dormant",
                null,
                !dormant);
    }

    /** Reads the fields the operator needs and tolerates everything else the gateway adds. */
    static TopicView parseTopic(JsonNode node) {
        int inFlight = node.path("inFlight").asInt(0);
        Instant last = null;
        String lastText = node.path("lastRequestAt").asText(null);
        if (lastText != null && !lastText.isBlank()) {
            try {
                last = Instant.parse(lastText);
            } catch (DateTimeParseException e) {
                last = null;
            }
        }
        List<String> workers = new ArrayList<>();
        JsonNode w = node.path("workers");
        if (w.isArray()) {
            for (JsonNode item : w) {
                workers.add(
                        item.isTextual()
                                ? item.asText()
                                : item.path("name").asText(item.path("id").asText()));
            }
        } else if (w.isObject()) {
            Iterator<String> names = w.fieldNames();
            names.forEachRemaining(workers::add);
        }
        List<String> dormant = new ArrayList<>();
        node.path("dormant").forEach(d -> dormant.add(d.asText()));
        Map<String, String> quarantined = new LinkedHashMap<>();
        node.path("quarantined")
                .fields()
                .forEachRemaining(q -> quarantined.put(q.getKey(), q.getValue().asText()));
        JsonNode loss = node.path("networkLoss");
        return new TopicView(
                workers, new Demand(inFlight, last), loss.isNumber() ? loss.asDouble() : null, dormant, quarantined);
    }

    private HttpResponse<String> send(String method, String path, Object body, boolean notFoundIsFine) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(timeout)
                    .header("Authorization", "Bearer " + adminToken);
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int code = response.statusCode();
            if (code / 100 != 2 && !(notFoundIsFine && code == 404)) {
                throw new GatewayException(method + " " + path + " answered " + code + ": " + response.body());
            }
            return response;
        } catch (IOException e) {
            throw new GatewayException(method + " " + baseUrl + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException(method + " " + baseUrl + path + " interrupted", e);
        }
    }

    private static String enc(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
