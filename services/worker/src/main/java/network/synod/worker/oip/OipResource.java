package network.synod.worker.oip;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

import network.synod.worker.ModelRuntime;
import network.synod.worker.ModelSettings;
import network.synod.worker.model.ServedModel;
import network.synod.worker.model.Tensor;
import network.synod.worker.model.TensorSpec;
import network.synod.worker.oip.OipResponses.InferenceResponse;
import network.synod.worker.oip.OipResponses.ModelMetadata;
import network.synod.worker.oip.OipResponses.ModelReady;
import network.synod.worker.oip.OipResponses.ServerMetadata;
import network.synod.worker.receipt.ReceiptSigner;

/**
 * The Open Inference Protocol v2 REST API (KServe's required_api) for the one model this worker serves.
 * Failures answer {@code {"error": "..."}}: 400 bad input, 404 unknown model, 503 not ready.
 */
@Path("/v2")
@Produces(MediaType.APPLICATION_JSON)
public class OipResource {

    static final String SERVER_NAME = "synod-worker";
    static final String SERVER_VERSION = "0.1.0";

    private final ModelRuntime runtime;
    private final InferenceRequestParser parser;
    private final Timer latency;
    private final Counter succeeded;
    private final Counter refused;
    private final Counter failed;
    private final ReceiptSigner signer;
    private final CommitReveal commitReveal;

    public OipResource(
            ModelRuntime runtime,
            ModelSettings settings,
            MeterRegistry registry,
            ReceiptSigner signer,
            CommitReveal commitReveal) {
        this.runtime = runtime;
        this.signer = signer;
        this.commitReveal = commitReveal;
        this.parser = new InferenceRequestParser(settings.maxWindow());
        String model = settings.name();
        this.latency = Timer.builder("synod.worker.inference")
                .description("Server-side time of OIP inference calls, parsing to answer")
                .tag("model", model)
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        this.succeeded = counter(registry, model, "ok");
        this.refused = counter(registry, model, "bad_input");
        this.failed = counter(registry, model, "error");
    }

    private static Counter counter(MeterRegistry registry, String model, String outcome) {
        return Counter.builder("synod.worker.inferences")
                .description("OIP inference calls by outcome")
                .tag("model", model)
                .tag("outcome", outcome)
                .register(registry);
    }

    @GET
    public ServerMetadata server() {
        return new ServerMetadata(SERVER_NAME, SERVER_VERSION, List.of());
    }

    @GET
    @Path("/health/live")
    public Map<String, Boolean> live() {
        return Map.of("live", true);
    }

    @GET
    @Path("/health/ready")
    public Map<String, Boolean> ready() {
        if (runtime.model().isEmpty()) {
            throw OipException.notReady(runtime.notReadyReason());
        }
        return Map.of("ready", true);
    }

    @GET
    @Path("/models/{name}")
    public ModelMetadata metadata(@PathParam("name") String name) {
        ServedModel m = readyModel(name);
        return new ModelMetadata(
                runtime.name(),
                m.platform(),
                m.inputs(),
                m.outputs(),
                Map.of(
                        "kind",
                        m.kind(),
                        "sha256",
                        m.sha256(),
                        "device",
                        m.device(),
                        "modelDigest",
                        signer.declaredDigest(m),
                        "publicKey",
                        signer.publicKey(),
                        "worker",
                        signer.worker()));
    }

    @GET
    @Path("/models/{name}/ready")
    public ModelReady modelReady(@PathParam("name") String name) {
        readyModel(name);
        return new ModelReady(name, true);
    }

    /**
     * Plain-arithmetic models answer on the event loop that read the request: they take microseconds, and handing
     * each request to a worker thread and back costs more than the answer (two thread wake-ups per call, which on
     * a small shared machine are most of a call's CPU). Engine-backed models may take long and synchronise, so
     * they answer on the worker pool.
     */
    @POST
    @Path("/models/{name}/infer")
    @Consumes(MediaType.WILDCARD)
    public Uni<InferenceResponse> infer(@PathParam("name") String name, byte[] body) {
        ServedModel m;
        try {
            m = readyModel(name);
        } catch (OipException e) {
            (e.status() == 400 ? refused : failed).increment();
            throw e;
        }
        Uni<InferenceResponse> answer = Uni.createFrom().item(() -> answer(m, body));
        return m.answersInline() ? answer : answer.runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private InferenceResponse answer(ServedModel m, byte[] body) {
        long start = System.nanoTime();
        try {
            InferenceRequestParser.Parsed request = parser.parse(body);
            for (String wanted : request.outputs()) {
                if (m.outputs().stream().map(TensorSpec::name).noneMatch(wanted::equals)) {
                    throw OipException.badInput("model " + runtime.name() + " has no output named '" + wanted + "'");
                }
            }
            Tensor out;
            double[] kept =
                    CommitReveal.REVEAL.equals(request.phase()) ? commitReveal.committedAnswer(request.id()) : null;
            try {
                out = kept != null
                        ? new Tensor(m.outputs().get(0).name(), "FP64", new long[] {kept.length}, kept)
                        : signer.fabricate() && m.outputs().get(0).name().equals("forecast")
                                ? new Tensor("forecast", "FP64", new long[] {1}, new double[] {
                                    ReceiptSigner.cheapAnswer(request.input().context())
                                })
                                : m.infer(request.input());
            } catch (IllegalArgumentException e) {
                throw OipException.badInput(e.getMessage());
            }
            succeeded.increment();
            if (CommitReveal.COMMIT.equals(request.phase())) {
                // The answer stays here until the reveal: the caller learns only the commitment.
                return new InferenceResponse(
                        runtime.name(),
                        request.id(),
                        List.of(),
                        Map.of("commitment", commitReveal.commit(request.id(), out.data()), "worker", signer.worker()));
            }
            Object receipt = signer.sign(m, request.id(), request.input().context(), out.data());
            return new InferenceResponse(
                    runtime.name(),
                    request.id(),
                    List.of(out),
                    CommitReveal.REVEAL.equals(request.phase())
                            ? Map.of("receipt", receipt, "salt", commitReveal.salt(request.id()))
                            : Map.of("receipt", receipt));
        } catch (OipException e) {
            (e.status() == 400 ? refused : failed).increment();
            throw e;
        } catch (RuntimeException e) {
            failed.increment();
            throw new OipException(500, "inference failed: " + e);
        } finally {
            latency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private ServedModel readyModel(String name) {
        if (!runtime.name().equals(name)) {
            throw OipException.notFound("model " + name + " not found; this worker serves " + runtime.name());
        }
        return runtime.model().orElseThrow(() -> OipException.notReady(runtime.notReadyReason()));
    }
}
