package network.synod.gateway.activation;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Context;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import org.jboss.logging.Logger;

import network.synod.core.refusal.Refusal;
import network.synod.gateway.GatewayConfig;
import network.synod.gateway.registry.TopicRuntime;
import network.synod.gateway.registry.Topics;
import network.synod.gateway.registry.WorkerEndpoint;

/**
 * Scale to zero as the gateway sees it. The operator marks a worker dormant when it scales it to zero and active
 * again when a replica is ready; dormant workers get no requests. A request for a topic whose inferers are all
 * dormant counts as in-flight demand at once (so the operator sees it and scales up) and is held, without a thread,
 * until one of them is marked active, then answered as usual; past {@code synod.gateway.activation-timeout} it is
 * answered 503 with {@code Retry-After}. Marks are kept in PostgreSQL, and every replica re-reads them every
 * {@code synod.gateway.dormant-refresh}: a restarted gateway still holds, and a mark the operator sent to one replica
 * reaches the others and the requests they hold.
 */
@ApplicationScoped
public class Activations {

    private static final Logger LOG = Logger.getLogger(Activations.class);

    @Inject
    Pool pool;

    @Inject
    Topics topics;

    @Inject
    MeterRegistry metrics;

    @Inject
    Vertx vertx;

    @Inject
    GatewayConfig config;

    /** Counts marks applied here, so that a refresh read before one of them does not undo it. */
    private final AtomicLong localMarks = new AtomicLong();

    private long refreshTimer = -1;

    // After Topics has loaded the topics (its observer has the default priority). The tables are Flyway's
    // (db/migration), migrated before startup observers run.
    void load(@Observes @Priority(3000) StartupEvent start) {
        refresh().await().indefinitely();
        refreshTimer = vertx.setPeriodic(
                config.dormantRefresh().toMillis(),
                id -> refresh()
                        .subscribe()
                        .with(v -> {}, e -> LOG.debugf("could not re-read the dormant workers: %s", e.getMessage())));
    }

    // Before the database pool closes.
    void stop(@Observes ShutdownEvent stop) {
        if (refreshTimer >= 0) {
            vertx.cancelTimer(refreshTimer);
        }
    }

    /** Makes the stored marks this replica's, waking the requests held for workers marked active elsewhere. */
    Uni<Void> refresh() {
        long seen = localMarks.get();
        return pool.query("select topic, worker from gateway_dormant")
                .execute()
                .invoke(rows -> {
                    Map<String, Set<String>> byTopic = new HashMap<>();
                    rows.forEach((Row r) -> byTopic.computeIfAbsent(r.getString("topic"), t -> new HashSet<>())
                            .add(r.getString("worker")));
                    synchronized (this) {
                        if (localMarks.get() != seen) {
                            return; // a mark made here meanwhile may be missing from what was read; the next refresh
                            // has it
                        }
                        topics.all().forEach(t -> t.activity().replace(byTopic.getOrDefault(t.name(), Set.of())));
                    }
                })
                .replaceWithVoid();
    }

    /** The workers a request goes to now: the routable ones that are not dormant. */
    public List<WorkerEndpoint> awake(TopicRuntime topic) {
        List<WorkerEndpoint> routable = topic.routable();
        TopicActivity activity = topic.activity();
        return activity.allAwake()
                ? routable
                : routable.stream().filter(w -> !activity.dormant(w.name())).toList();
    }

    /** Whether the topic has inferers and every one of them is dormant: a request must wait for one to wake. */
    public boolean asleep(TopicRuntime topic) {
        TopicActivity activity = topic.activity();
        if (activity.allAwake()) {
            return false;
        }
        List<WorkerEndpoint> inferers =
                topic.routable().stream().filter(w -> !w.forecaster()).toList();
        return !inferers.isEmpty() && inferers.stream().allMatch(w -> activity.dormant(w.name()));
    }

    /**
     * Holds a request for a sleeping topic: counts it as in flight, waits until the topic is no longer asleep (an
     * inferer was marked active, or none is left to wait for), then runs {@code then} with the topic as it is now.
     */
    public <T> Uni<T> hold(TopicRuntime topic, Function<TopicRuntime, Uni<T>> then) {
        String name = topic.name();
        metrics.counter("synod_gateway_activation_holds_total", "topic", name).increment();
        long start = System.nanoTime();
        topic.started();
        Uni<TopicRuntime> woken = Uni.createFrom().emitter(em -> {
            // Continue on the request's own context, not on the thread that marked the worker active.
            Context context = Vertx.currentContext();
            AtomicBoolean done = new AtomicBoolean();
            Runnable check = () -> {
                TopicRuntime now = topics.find(name);
                if ((now == null || !asleep(now)) && done.compareAndSet(false, true)) {
                    if (context == null) {
                        em.complete(now);
                    } else {
                        context.runOnContext(() -> em.complete(now));
                    }
                }
            };
            em.onTermination(topic.activity().onWake(check));
            check.run();
        });
        Duration timeout = config.activationTimeout();
        return woken.ifNoItem()
                .after(timeout)
                .failWith(() -> Refusal.unavailable(
                        "topic '" + name + "' is starting its workers from zero; none was ready within "
                                + timeout.toSeconds() + " s",
                        (config.activationRetryAfter().toMillis() + 999) / 1000))
                .onItemOrFailure()
                .invoke((t, failure) -> {
                    long held = System.nanoTime() - start;
                    Timer.builder("synod_gateway_activation_hold")
                            .description("How long requests were held while a topic's workers started from zero")
                            .tag("topic", name)
                            .tag("outcome", failure == null ? "activated" : "timeout")
                            .register(metrics)
                            .record(held, TimeUnit.NANOSECONDS);
                    LOG.infof(
                            "request for topic %s held %d ms for activation: %s",
                            name, held / 1_000_000, failure == null ? "a worker is ready" : "timed out");
                })
                // The hold stops counting as in flight once it ends; the answered request then counts itself.
                .eventually(topic::finished)
                .chain(now -> then.apply(now == null ? topics.require(name) : now));
    }

    public Uni<Void> markDormant(String topic, String worker) {
        TopicRuntime t = topics.require(topic);
        if (t.workers().stream().noneMatch(w -> w.name().equals(worker))) {
            throw Refusal.notFound("topic '" + topic + "' has no worker '" + worker + "'");
        }
        return pool.preparedQuery("insert into gateway_dormant (topic, worker) values ($1, $2) "
                        + "on conflict (topic, worker) do nothing")
                .execute(Tuple.of(topic, worker))
                .invoke(() -> mark(() -> t.activity().sleep(worker)))
                .replaceWithVoid();
    }

    public Uni<Void> markActive(String topic, String worker) {
        TopicRuntime t = topics.require(topic);
        return pool.preparedQuery("delete from gateway_dormant where topic = $1 and worker = $2")
                .execute(Tuple.of(topic, worker))
                .invoke(() -> mark(() -> t.activity().wake(worker)))
                .replaceWithVoid();
    }

    private synchronized void mark(Runnable change) {
        change.run();
        localMarks.incrementAndGet();
    }
}
