package network.synod.gateway.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import io.opentelemetry.api.trace.Span;
import io.smallrye.mutiny.Uni;

import network.synod.core.synthesis.NetworkInference;
import network.synod.gateway.inference.InferenceService;
import network.synod.gateway.registry.TopicRuntime;
import network.synod.gateway.registry.Topics;
import network.synod.web.Problem;

/** The network's own API: ask a topic for an inference, and read topics. */
@Path("/v1/topics")
public class InferenceResource {

    @Inject
    Topics topics;

    @Inject
    InferenceService inference;

    /**
     * A request: the revealed values (oldest first), and optionally the epoch it asks about and an id.
     */
    public record InferenceRequest(double[] window, Long epoch, String id) {}

    /** One worker's part in an answer. */
    public record WorkerAnswer(String id, String role, double value, Double weight) {}

    /** The network's answer. */
    public record InferenceResponse(
            String requestId,
            String topic,
            long epoch,
            String mode,
            double value,
            Map<String, Double> band,
            List<WorkerAnswer> workers,
            SortedMap<String, String> failed) {}

    @POST
    @Path("{topic}/inferences")
    public Uni<InferenceResponse> infer(@PathParam("topic") String topic, InferenceRequest request) {
        // The request's span names what it answers for: the truth's trace meets it by topic and epoch (README
        // "Tracing"). A no-op while tracing is off.
        Span span = Span.current().setAttribute("synod.topic", topic);
        TopicRuntime t = topics.require(topic);
        double[] window = validWindow(request);
        return inference.infer(t, window, request.epoch(), request.id()).map(r -> {
            span.setAttribute("synod.epoch", r.epoch());
            span.setAttribute("synod.request_id", r.requestId());
            return toResponse(topic, r);
        });
    }

    @GET
    public List<TopicView> list() {
        return topics.all().stream()
                .sorted(Comparator.comparing(TopicRuntime::name))
                .map(TopicView::of)
                .toList();
    }

    @GET
    @Path("{topic}")
    public TopicView get(@PathParam("topic") String topic) {
        return TopicView.of(topics.require(topic));
    }

    static double[] validWindow(InferenceRequest request) {
        if (request == null || request.window() == null || request.window().length == 0) {
            throw Problem.badRequest("the request needs a non-empty 'window' of revealed values");
        }
        for (double v : request.window()) {
            if (!Double.isFinite(v)) {
                throw Problem.badRequest("the window holds a value that is not a finite number: " + v);
            }
        }
        if (request.epoch() != null && request.epoch() < 0) {
            throw Problem.badRequest("epoch must be >= 0, got " + request.epoch());
        }
        return request.window();
    }

    static InferenceResponse toResponse(String topic, InferenceService.Result r) {
        NetworkInference n = r.inference();
        Map<String, Double> band = new LinkedHashMap<>();
        String[] names = {"p2.28", "p15.87", "p50", "p84.13", "p97.72"};
        for (int i = 0; i < names.length; i++) {
            band.put(names[i], n.band()[i]);
        }
        List<WorkerAnswer> workers = new ArrayList<>();
        r.answers()
                .forEach((id, v) -> workers.add(
                        new WorkerAnswer(id, "inferer", v, n.weights().get(id))));
        n.bundle()
                .forecastImplied()
                .forEach((id, v) -> workers.add(
                        new WorkerAnswer(id, "forecaster", v, n.weights().get(id))));
        return new InferenceResponse(
                r.requestId(), topic, r.epoch(), n.mode().id(), n.value(), band, workers, r.failures());
    }
}
