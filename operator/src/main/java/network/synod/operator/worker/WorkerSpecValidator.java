package network.synod.operator.worker;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import network.synod.operator.api.GpuRequest;
import network.synod.operator.api.ModelSpec;
import network.synod.operator.api.ScalingSpec;
import network.synod.operator.api.WorkerSpec;

/**
 * Checks a Worker spec for the mistakes the CRD schema also rejects, for clusters (and test servers) that do not
 * enforce the schema; a problem puts the worker into a clear InvalidSpec condition instead of half-deploying it.
 */
public final class WorkerSpecValidator {
    // Compiled once: placement validates every GPU worker it considers, on every pass.
    private static final Pattern MIG_PROFILE = Pattern.compile("^[1-7]g\\.[0-9]+gb$");
    private static final Pattern FRACTION = Pattern.compile("^0\\.[0-9]*[1-9]$");
    private static final Pattern MODEL_URL = Pattern.compile(ModelSpec.URL_PATTERN);
    private static final Pattern DIGEST = Pattern.compile(ModelSpec.DIGEST_PATTERN);

    private WorkerSpecValidator() {}

    /** Returns one sentence per problem; empty when the spec is valid. */
    public static List<String> problems(WorkerSpec spec) {
        List<String> problems = new ArrayList<>();
        if (spec == null) {
            problems.add("spec is missing");
            return problems;
        }
        if (spec.getTopics() == null || spec.getTopics().isEmpty()) {
            problems.add("spec.topics must name at least one topic");
        }
        if (spec.getReplicas() != null && spec.getReplicas() < 0) {
            problems.add("spec.replicas must not be negative");
        }
        checkScaling(spec.getScaling(), problems);
        checkGpu(spec.getGpu(), problems);
        checkModel(spec.getModel(), problems);
        if (spec.getExternalEndpoint() != null && !isHttpUrl(spec.getExternalEndpoint())) {
            problems.add("spec.externalEndpoint must be an http(s) URL");
        }
        return problems;
    }

    private static void checkScaling(ScalingSpec s, List<String> problems) {
        if (s == null) {
            return;
        }
        if (negative(s.getMaxReplicas())) {
            problems.add("spec.scaling.maxReplicas must not be negative");
        }
        if (s.getTargetInFlightPerReplica() != null && s.getTargetInFlightPerReplica() < 1) {
            problems.add("spec.scaling.targetInFlightPerReplica must be at least 1");
        }
        if (negative(s.getIdleSecondsBeforeScaleToZero())) {
            problems.add("spec.scaling.idleSecondsBeforeScaleToZero must not be negative");
        }
    }

    private static void checkGpu(GpuRequest gpu, List<String> problems) {
        if (gpu == null) {
            return;
        }
        if (negative(gpu.getCount())) {
            problems.add("spec.gpu.count must not be negative");
        }
        if (gpu.getMigProfile() != null) {
            if (!MIG_PROFILE.matcher(gpu.getMigProfile()).matches()) {
                problems.add("spec.gpu.migProfile must look like 1g.10gb");
            }
            if (gpu.getCount() != null && gpu.getCount() < 1) {
                problems.add("spec.gpu.migProfile needs count >= 1");
            }
            if (gpu.getFraction() != null) {
                problems.add("spec.gpu: choose a MIG profile or a fraction, not both");
            }
        }
        if (gpu.getFraction() != null && !FRACTION.matcher(gpu.getFraction()).matches()) {
            problems.add("spec.gpu.fraction must be a decimal between 0 and 1, such as 0.25");
        }
        if (negative(gpu.getMinMemoryMiB())) {
            problems.add("spec.gpu.minMemoryMiB must not be negative");
        }
    }

    private static void checkModel(ModelSpec model, List<String> problems) {
        if (model == null) {
            problems.add("spec.model is missing");
            return;
        }
        if (model.getUrl() != null && !isModelUrl(model.getUrl())) {
            problems.add("spec.model.url must be a file:, jar: or https: URL");
        }
        if ("djl".equals(model.getKind()) && model.getUrl() == null) {
            problems.add("spec.model.url is required for kind djl");
        }
        if (model.getDigest() != null && !DIGEST.matcher(model.getDigest()).matches()) {
            problems.add("spec.model.digest must be a sha256 of 64 hex digits");
        }
    }

    private static boolean isModelUrl(String url) {
        if (!MODEL_URL.matcher(url).matches()) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return !"https".equals(uri.getScheme()) || uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean negative(Integer value) {
        return value != null && value < 0;
    }
}
