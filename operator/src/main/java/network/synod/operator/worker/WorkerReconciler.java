package network.synod.operator.worker;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import jakarta.inject.Inject;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import network.synod.operator.OperatorConfig;
import network.synod.operator.api.GpuPool;
import network.synod.operator.api.PlacementStatus;
import network.synod.operator.api.ScalingSpec;
import network.synod.operator.api.SynodApi;
import network.synod.operator.api.Worker;
import network.synod.operator.api.WorkerStatus;
import network.synod.operator.capacity.ClusterCapacity;
import network.synod.operator.capacity.PlacementInputs;
import network.synod.operator.gateway.GatewayClient;
import network.synod.operator.gateway.GatewayException;
import network.synod.operator.gateway.SynodClients;
import network.synod.operator.gateway.TopicView;
import network.synod.operator.placement.GpuDemand;
import network.synod.operator.placement.Placement;
import network.synod.operator.placement.Placer;
import network.synod.operator.scaling.Demand;
import network.synod.operator.scaling.ReplicaPolicy;
import network.synod.operator.scaling.ScalingBounds;
import network.synod.operator.scaling.ScalingDecision;

/**
 * Reconciles a Worker: validate, place on a GpuPool, decide replicas from demand, apply the signing-key Secret,
 * Deployment and Service (declared workflow), register the endpoint and public key with the gateway, and write one
 * status.
 */
@Workflow(
        explicitInvocation = true,
        dependents = {
            @Dependent(
                    name = "signing-key",
                    type = WorkerSigningKeyDependent.class,
                    reconcilePrecondition = ServedInCluster.class),
            @Dependent(
                    name = "deployment",
                    type = WorkerDeploymentDependent.class,
                    reconcilePrecondition = RunsInCluster.class,
                    dependsOn = "signing-key"),
            @Dependent(
                    name = "service",
                    type = WorkerServiceDependent.class,
                    reconcilePrecondition = RunsInCluster.class)
        })
@ControllerConfiguration(name = "worker")
public class WorkerReconciler implements Reconciler<Worker>, Cleaner<Worker> {
    private final OperatorConfig config;
    private final GatewayClient gateway;
    /** Topic demand read from the gateway, shared by the workers of a topic for a fraction of the scaling interval. */
    private final TopicDemandCache topics;

    private final MeterRegistry meters;
    private final Placer placer;
    /** Pools, offers and free node capacity, rebuilt only after a relevant Node, Pod or GpuPool event. */
    private final ClusterCapacity capacity = new ClusterCapacity();
    /** The last placement pass; reused while capacity and every capacity-taking worker's demand are unchanged. */
    private final AtomicReference<Pass> lastPass = new AtomicReference<>();
    /** How the Quarantined condition's message starts when the quarantine is the gateway's, not an annotation. */
    private static final String GATEWAY_QUARANTINE = "quarantined by the gateway on topic ";
    /**
     * The public key last registered for each worker (namespace/name; "" for none). The gateway keeps only one, so
     * a key that differs (a Secret that appeared after the first registration, or any key after a restart of the
     * operator) re-sends the registration.
     */
    private final Map<String, String> registeredKeys = new ConcurrentHashMap<>();

    private InformerEventSource<Node, Worker> nodes;
    private InformerEventSource<Pod, Worker> pods;
    private InformerEventSource<GpuPool, Worker> pools;

    /**
     * A placement pass and what it was computed from.
     *
     * @param capacityVersion the {@link ClusterCapacity} version it used
     * @param demands         the demands it placed, by worker key
     * @param placements      its outcome, by worker key
     */
    private record Pass(long capacityVersion, Map<String, GpuDemand> demands, Map<String, Placement> placements) {}

    @Inject
    public WorkerReconciler(OperatorConfig config, SynodClients clients, MeterRegistry meters) {
        this.config = config;
        this.gateway = clients.gateway();
        this.topics = new TopicDemandCache(gateway, TopicDemandCache.maxAgeFor(config.scalingInterval()));
        this.meters = meters;
        this.placer = new Placer(config.policy());
    }

    @Override
    public List<EventSource<?, Worker>> prepareEventSources(EventSourceContext<Worker> context) {
        IndexerResourceCache<Worker> workers = context.getPrimaryCache();
        // Capacity changes wake only the workers still waiting for a place; placed workers never move. Node updates
        // that change nothing placement reads (heartbeats, conditions) and GpuPool status updates wake nobody.
        nodes = tracked(
                InformerEventSourceConfiguration.from(Node.class, Worker.class)
                        .withName("nodes")
                        .withWatchAllNamespaces()
                        .withOnUpdateFilter((now, old) -> ClusterCapacity.nodeChanged(old, now))
                        .withSecondaryToPrimaryMapper(node -> unscheduled(workers))
                        .build(),
                context,
                ClusterCapacity::nodeChanged);
        pods = tracked(
                InformerEventSourceConfiguration.from(Pod.class, Worker.class)
                        .withName("pods")
                        .withWatchAllNamespaces()
                        .withSecondaryToPrimaryMapper(pod -> holdsGpus(pod) ? unscheduled(workers) : Set.of())
                        .build(),
                context,
                ClusterCapacity::podChanged);
        pools = tracked(
                InformerEventSourceConfiguration.from(GpuPool.class, Worker.class)
                        .withName("pools")
                        .withWatchAllNamespaces()
                        .withOnUpdateFilter((now, old) -> ClusterCapacity.poolChanged(old, now))
                        .withSecondaryToPrimaryMapper(pool ->
                                unscheduledOrOn(workers, pool.getMetadata().getName()))
                        .build(),
                context,
                ClusterCapacity::poolChanged);
        return List.of(nodes, pods, pools);
    }

    /**
     * An informer event source that also tells {@link #capacity} when an event changes what placement reads
     * ({@code changesCapacity} gets null for the missing side of an add or a delete).
     */
    private <R extends HasMetadata> InformerEventSource<R, Worker> tracked(
            InformerEventSourceConfiguration<R> configuration,
            EventSourceContext<Worker> context,
            BiPredicate<R, R> changesCapacity) {
        return new InformerEventSource<>(configuration, context) {
            @Override
            public void onAdd(R resource) {
                if (changesCapacity.test(null, resource)) {
                    capacity.changed();
                }
                super.onAdd(resource);
            }

            @Override
            public void onUpdate(R old, R now) {
                if (changesCapacity.test(old, now)) {
                    capacity.changed();
                }
                super.onUpdate(old, now);
            }

            @Override
            public synchronized void onDelete(R resource, boolean deletedFinalStateUnknown) {
                if (changesCapacity.test(resource, null)) {
                    capacity.changed();
                }
                super.onDelete(resource, deletedFinalStateUnknown);
            }
        };
    }

    @Override
    public UpdateControl<Worker> reconcile(Worker worker, Context<Worker> context) {
        Instant now = Instant.now();
        WorkerStatus status = worker.getStatus() == null ? new WorkerStatus() : worker.getStatus();
        String before = Serialization.asJson(status);
        boolean specChanged = !worker.getMetadata().getGeneration().equals(status.getObservedGeneration());
        String endpointBefore = status.getEndpoint();
        worker.setStatus(status);
        var aggregator = new WorkerStatusAggregator(status, worker.getMetadata().getGeneration(), now);
        var registrar = new WorkerRegistrar(gateway);

        List<String> problems = WorkerSpecValidator.problems(worker.getSpec());
        if (!problems.isEmpty()) {
            status.setPlacement(null);
            status.setPool(null);
            aggregator.invalid(String.join("; ", problems));
            context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();
            registrar.sync(worker, status, null, null, false, false);
            return finish(worker, before, null);
        }
        boolean external = worker.getSpec().getExternalEndpoint() != null;
        Map<String, TopicView> views = new HashMap<>();
        Demand demand = external ? null : demand(worker, views);
        String quarantine = quarantineReason(worker, views);
        if (quarantine == null && !external && demand == null) {
            // The gateway could not be asked: a quarantine it held stands until it says otherwise.
            quarantine = gatewayQuarantine(status);
        }
        aggregator.quarantine(quarantine);
        boolean scheduled = external || place(worker, status, context, aggregator);
        int desired = external ? 0 : scale(worker, status, quarantine != null, now, demand);

        context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();

        String endpoint = external
                ? worker.getSpec().getExternalEndpoint()
                : scheduled ? WorkerServiceDependent.endpoint(worker, config.workerPort()) : null;
        status.setEndpoint(endpoint);
        status.setDigest(worker.getSpec().getModel().getDigest());
        if (external) {
            aggregator.external(endpoint);
        } else {
            int ready = readyReplicas(context);
            status.setReadyReplicas(ready);
            recordColdStart(worker, status, ready, now);
            aggregator.replicas(scheduled, desired, ready);
        }
        String publicKey =
                external ? null : WorkerSigningKeyDependent.publicKey(context).orElse(null);
        String id =
                worker.getMetadata().getNamespace() + "/" + worker.getMetadata().getName();
        boolean refresh = specChanged
                || !Objects.equals(endpointBefore, endpoint)
                || !Objects.equals(registeredKeys.get(id), publicKey == null ? "" : publicKey);
        var registration = registrar.sync(worker, status, endpoint, publicKey, quarantine == null, refresh);
        if (registration.registered()) {
            registeredKeys.put(id, publicKey == null ? "" : publicKey);
        }
        List<String> marks = new WorkerDormancy(gateway)
                .sync(
                        worker.getMetadata().getName(),
                        status.getRegisteredTopics(),
                        views,
                        WorkerDormancy.dormant(worker, status, desired),
                        refresh);
        aggregator.registration(
                marks.isEmpty()
                        ? registration
                        : new WorkerRegistrar.Result(false, "GatewayUnavailable", String.join("; ", marks)));
        // In-cluster workers re-read demand periodically; unscheduled ones also retry placement on a timer.
        Duration next = external ? null : scheduled ? config.scalingInterval() : config.unscheduledRetry();
        return finish(worker, before, next);
    }

    @Override
    public DeleteControl cleanup(Worker worker, Context<Worker> context) {
        context.managedWorkflowAndDependentResourceContext().cleanupManageWorkflow();
        registeredKeys.remove(
                worker.getMetadata().getNamespace() + "/" + worker.getMetadata().getName());
        if (new WorkerRegistrar(gateway).removeAll(worker)) {
            return DeleteControl.defaultDelete();
        }
        // Keep the finalizer until the gateway confirms: a stale registration would route traffic to nothing.
        return DeleteControl.noFinalizerRemoval().rescheduleAfter(config.unscheduledRetry());
    }

    /** Places the worker (see {@link #placement}) and applies the result to its status. */
    private boolean place(
            Worker worker, WorkerStatus status, Context<Worker> context, WorkerStatusAggregator aggregator) {
        ClusterCapacity.Snapshot cluster = capacity.snapshot(
                () -> nodes.list().toList(),
                () -> pods.list().toList(),
                () -> pools.list().toList());
        Placement placement = placement(worker, context, cluster);
        aggregator.scheduled(placement);
        if (!placement.scheduled()) {
            status.setPlacement(null);
            status.setPool(null);
            return false;
        }
        status.setPool(placement.pool());
        status.setPlacement(placementStatus(placement, cluster.pools()));
        return true;
    }

    /**
     * This worker's outcome of a placement pass over all workers. Only workers that take capacity (GPUs, MIG or time
     * slices) can change each other's outcome, so a CPU-only worker is placed on its own, and a GPU worker's pass
     * covers the capacity-taking workers only. The pass is shared: while capacity and those workers' demands are
     * unchanged, reconciles reuse the last pass instead of running their own.
     */
    private Placement placement(Worker worker, Context<Worker> context, ClusterCapacity.Snapshot cluster) {
        GpuDemand own = PlacementInputs.demand(worker);
        if (!own.needsCapacity()) {
            return placer.place(cluster.offers(), List.of(), List.of(own)).get(own.worker());
        }
        Map<String, GpuDemand> demands = new HashMap<>();
        demands.put(own.worker(), own);
        context.getPrimaryCache().list(WorkerReconciler::mayTakeCapacity).forEach(w -> {
            GpuDemand d = PlacementInputs.demand(w);
            if (d.needsCapacity()) {
                demands.putIfAbsent(d.worker(), d);
            }
        });
        Pass pass = lastPass.get();
        if (pass == null
                || pass.capacityVersion() != cluster.version()
                || !pass.demands().equals(demands)
                || !pass.placements().containsKey(own.worker())) {
            pass = new Pass(
                    cluster.version(),
                    demands,
                    placer.place(cluster.offers(), cluster.nodes(), List.copyOf(demands.values())));
            lastPass.set(pass);
        }
        return pass.placements().get(own.worker());
    }

    /** A valid in-cluster worker that asks for a GPU: the only kind whose placement can take capacity. */
    private static boolean mayTakeCapacity(Worker w) {
        return w.getSpec() != null
                && w.getSpec().getGpu() != null
                && w.getSpec().getExternalEndpoint() == null
                && WorkerSpecValidator.problems(w.getSpec()).isEmpty();
    }

    static PlacementStatus placementStatus(Placement placement, List<GpuPool> pools) {
        PlacementStatus ps = new PlacementStatus();
        ps.setPool(placement.pool());
        pools.stream()
                .filter(p -> p.getMetadata().getName().equals(placement.pool()))
                .findFirst()
                .ifPresent(p -> {
                    ps.setNodeSelector(p.getSpec().getNodeSelector());
                    ps.setTolerations(p.getSpec().getTolerations());
                });
        ps.setGpuResource(placement.resource());
        ps.setGpuCount(placement.usesGpu() ? placement.amount() : null);
        ps.setDevice(placement.usesGpu() ? "gpu" : "cpu");
        return ps;
    }

    /** Decides replicas and keeps the activation bookkeeping used for scale to zero and cold-start time. */
    private int scale(Worker worker, WorkerStatus status, boolean quarantined, Instant now, Demand demand) {
        var s = worker.getSpec().getScaling() == null
                ? new ScalingSpec()
                : worker.getSpec().getScaling();
        var bounds = new ScalingBounds(
                orDefault(worker.getSpec().getReplicas(), 0),
                orDefault(s.getMaxReplicas(), 1),
                orDefault(s.getTargetInFlightPerReplica(), 4),
                Duration.ofSeconds(orDefault(s.getIdleSecondsBeforeScaleToZero(), 300)));
        Instant activeSince = status.getLastActivatedAt() == null ? null : Instant.parse(status.getLastActivatedAt());
        Instant activatingSince =
                status.getActivationStartedAt() == null ? null : Instant.parse(status.getActivationStartedAt());
        ScalingDecision decision =
                ReplicaPolicy.decide(bounds, demand, status.getReplicas(), activeSince, activatingSince, now);
        int replicas = quarantined ? 0 : decision.replicas();
        if (!quarantined && decision.activation()) {
            status.setLastActivatedAt(now.toString());
            status.setActivationStartedAt(now.toString());
        }
        status.setReplicas(replicas);
        status.setSelector(WorkerLabels.selectorString(worker));
        return replicas;
    }

    /**
     * Demand over the worker's topics, keeping each topic's view in {@code views}; null when the gateway cannot be
     * asked, so scaling holds still.
     */
    private Demand demand(Worker worker, Map<String, TopicView> views) {
        Demand total = Demand.NONE;
        try {
            for (String topic : worker.getSpec().getTopics()) {
                Optional<TopicView> view = topics.topic(topic);
                if (view.isPresent()) {
                    views.put(topic, view.get());
                    total = total.merge(view.get().demand());
                }
            }
            return total;
        } catch (GatewayException e) {
            return null;
        }
    }

    /**
     * Cold start: from waking at zero replicas to the first ready replica, kept in status and as a timer. Idle time
     * counts from readiness (lastActivatedAt moves here, and {@link ReplicaPolicy} does not scale an activation still
     * waiting for its replica), so a cold start longer than the idle time does not scale the worker straight back to
     * zero.
     */
    private void recordColdStart(Worker worker, WorkerStatus status, int ready, Instant now) {
        if (status.getActivationStartedAt() == null || ready < 1) {
            return;
        }
        Duration took = Duration.between(Instant.parse(status.getActivationStartedAt()), now);
        status.setLastColdStartSeconds(took.toMillis() / 1000.0);
        status.setActivationStartedAt(null);
        status.setLastActivatedAt(now.toString());
        Timer.builder("synod.worker.cold.start")
                .description("Time from activation at zero replicas to the first ready replica")
                .tag("namespace", worker.getMetadata().getNamespace())
                .tag("worker", worker.getMetadata().getName())
                .register(meters)
                .record(took);
    }

    private static int readyReplicas(Context<Worker> context) {
        return context.getSecondaryResource(Deployment.class)
                .map(d -> d.getStatus() == null || d.getStatus().getReadyReplicas() == null
                        ? 0
                        : d.getStatus().getReadyReplicas())
                .orElse(0);
    }

    /** Writes the status only when it changed, so idle workers cost the API server nothing. */
    private static UpdateControl<Worker> finish(Worker worker, String before, Duration next) {
        UpdateControl<Worker> control = before.equals(Serialization.asJson(worker.getStatus()))
                ? UpdateControl.noUpdate()
                : UpdateControl.patchStatus(worker);
        return next == null ? control : control.rescheduleAfter(next);
    }

    /**
     * Why the worker is quarantined, or null: the annotation an admin put on the Worker, else a quarantine the gateway
     * holds on one of its topics (verification caught it cheating). Either way its replicas go to zero, so a caught
     * worker stops holding GPUs; the gateway's quarantine outlives the deregistration, so it stays until an admin
     * lifts it there.
     */
    private static String quarantineReason(Worker worker, Map<String, TopicView> views) {
        Map<String, String> annotations = worker.getMetadata().getAnnotations();
        String annotated = annotations == null ? null : annotations.get(SynodApi.ANNOTATION_QUARANTINE);
        if (annotated != null) {
            return annotated;
        }
        for (String topic : worker.getSpec().getTopics()) {
            TopicView view = views.get(topic);
            String reason = view == null
                    ? null
                    : view.quarantined().get(worker.getMetadata().getName());
            if (reason != null) {
                return GATEWAY_QUARANTINE + topic + ": " + reason;
            }
        }
        return null;
    }

    private static String gatewayQuarantine(WorkerStatus status) {
        return status.getConditions().stream()
                .filter(c -> WorkerStatusAggregator.QUARANTINED.equals(c.getType())
                        && "True".equals(c.getStatus())
                        && c.getMessage() != null
                        && c.getMessage().startsWith(GATEWAY_QUARANTINE))
                .map(io.fabric8.kubernetes.api.model.Condition::getMessage)
                .findFirst()
                .orElse(null);
    }

    private static Set<ResourceID> unscheduled(IndexerResourceCache<Worker> workers) {
        return workers.list(w -> w.getStatus() == null || w.getStatus().getPlacement() == null)
                .map(ResourceID::fromResource)
                .collect(Collectors.toSet());
    }

    private static Set<ResourceID> unscheduledOrOn(IndexerResourceCache<Worker> workers, String pool) {
        return workers.list(w -> w.getStatus() == null
                        || w.getStatus().getPlacement() == null
                        || pool.equals(w.getStatus().getPool()))
                .map(ResourceID::fromResource)
                .collect(Collectors.toSet());
    }

    private static boolean holdsGpus(Pod pod) {
        return pod.getSpec() != null
                && pod.getSpec().getContainers().stream()
                        .anyMatch(c -> c.getResources() != null
                                && c.getResources().getLimits() != null
                                && c.getResources().getLimits().keySet().stream()
                                        .anyMatch(k -> k.startsWith("nvidia.com/")));
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
