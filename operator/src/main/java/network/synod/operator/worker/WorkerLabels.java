package network.synod.operator.worker;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import network.synod.operator.api.SynodApi;
import network.synod.operator.api.Worker;

/** Labels put on a worker's Deployment, pods and Service, and the selector that finds its pods. */
public final class WorkerLabels {
    public static final String APP = "synod-worker";
    /** Informer filter for the dependents: only objects this operator made. */
    public static final String MANAGED_SELECTOR = SynodApi.LABEL_MANAGED_BY + "=" + SynodApi.MANAGED_BY;

    private WorkerLabels() {}

    /** Labels that select exactly this worker's pods. */
    public static Map<String, String> selector(Worker worker) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(SynodApi.LABEL_NAME, APP);
        labels.put(SynodApi.LABEL_INSTANCE, worker.getMetadata().getName());
        return labels;
    }

    /** All labels of the worker's objects: the selector plus ownership and the worker name. */
    public static Map<String, String> all(Worker worker) {
        Map<String, String> labels = selector(worker);
        labels.put(SynodApi.LABEL_MANAGED_BY, SynodApi.MANAGED_BY);
        labels.put(SynodApi.LABEL_WORKER, worker.getMetadata().getName());
        return labels;
    }

    /** The selector in the string form the scale subresource reports. */
    public static String selectorString(Worker worker) {
        return selector(worker).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }
}
