package network.synod.worker.oip;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
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
import network.synod.worker.model.BytesTensor;
import network.synod.worker.model.ClassificationModel;
import network.synod.worker.model.ServedModel;
import network.synod.worker.model.Tensor;
import network.synod.worker.model.TensorSpec;
import network.synod.worker.oip.OipResponses.InferenceResponse;
import network.synod.worker.oip.OipResponses.LabelsLearnt;
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
    private final int maxLabels;

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
        this.maxLabels = settings.maxWindow();
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
        Map<String, String> parameters = new LinkedHashMap<>(Map.of(
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
        if (m instanceof ClassificationModel c) {
            parameters.put("labels", c.labels().toString());
        }
        return new ModelMetadata(runtime.name(), m.platform(), m.inputs(), m.outputs(), parameters);
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
            InferenceRequestParser.Parsed request = parser.parse(body, m.inputs());
            for (String wanted : request.outputs()) {
                if (m.outputs().stream().map(TensorSpec::name).noneMatch(wanted::equals)) {
                    throw OipException.badInput("model " + runtime.name() + " has no output named '" + wanted + "'");
                }
            }
            if (m instanceof ClassificationModel c) {
                InferenceResponse response = classify(c, request);
                succeeded.increment();
                return response;
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

    /**
     * A classification answer: {@code label} (BYTES [n]) and {@code probabilities} (FP64 [n, k]), or the ones
     * asked for; the receipt covers both whatever was asked. Commit-reveal is not served for classification yet.
     */
    private InferenceResponse classify(ClassificationModel c, InferenceRequestParser.Parsed request) {
        if (request.phase() != null) {
            throw OipException.badInput("commit-reveal (parameters.phase) is not served by classification models yet");
        }
        List<String> texts =
                request.input().texts().get(ClassificationModel.TEXT).data();
        ClassificationModel.Answer answer = signer.fabricate() ? uniform(c, texts.size()) : c.classify(texts);
        int n = texts.size();
        List<Object> outputs = new ArrayList<>();
        if (request.outputs().isEmpty() || request.outputs().contains(ClassificationModel.LABEL)) {
            outputs.add(new BytesTensor(ClassificationModel.LABEL, new long[] {n}, answer.labels()));
        }
        if (request.outputs().isEmpty() || request.outputs().contains(ClassificationModel.PROBABILITIES)) {
            outputs.add(new Tensor(
                    ClassificationModel.PROBABILITIES,
                    "FP64",
                    new long[] {n, c.labels().size()},
                    answer.probabilities()));
        }
        Object receipt = signer.signClassification(c, request.id(), texts, answer.labels(), answer.probabilities());
        return new InferenceResponse(runtime.name(), request.id(), outputs, Map.of("receipt", receipt));
    }

    /** What a simulated cheater answers without running its model: every label equally likely. */
    private static ClassificationModel.Answer uniform(ClassificationModel c, int n) {
        int k = c.labels().size();
        double[] p = new double[n * k];
        Arrays.fill(p, 1.0 / k);
        return new ClassificationModel.Answer(Collections.nCopies(n, c.labels().name(0)), p);
    }

    /**
     * Reveals labels to a classification model, which learns from them (and only from them):
     * {@code {"labels": [{"id": "...", "text": "...", "label": "spam"}, ...]}}. The batch is checked whole first:
     * 400 for a malformed entry or a label outside the subnet's set, 409 for an id revealed before; either way
     * nothing is learnt.
     */
    @POST
    @Path("/models/{name}/labels")
    @Consumes(MediaType.WILDCARD)
    public Uni<LabelsLearnt> labels(@PathParam("name") String name, byte[] body) {
        ServedModel m = readyModel(name);
        if (!(m instanceof ClassificationModel c)) {
            throw OipException.badInput("model " + name + " is a " + m.kind()
                    + " forecaster; labels are revealed to classification models only");
        }
        List<ClassificationModel.Revealed> batch = LabelBatchParser.parse(body, maxLabels);
        return Uni.createFrom()
                .item(() -> {
                    try {
                        int total = c.reveal(batch);
                        return new LabelsLearnt(runtime.name(), batch.size(), total);
                    } catch (IllegalArgumentException e) {
                        throw OipException.badInput(e.getMessage());
                    } catch (IllegalStateException e) {
                        throw new OipException(409, e.getMessage());
                    }
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private ServedModel readyModel(String name) {
        if (!runtime.name().equals(name)) {
            throw OipException.notFound("model " + name + " not found; this worker serves " + runtime.name());
        }
        return runtime.model().orElseThrow(() -> OipException.notReady(runtime.notReadyReason()));
    }
}
