package network.synod.operator.worker;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import network.synod.operator.gateway.GatewayClient;
import network.synod.operator.gateway.GatewayException;
import network.synod.operator.gateway.TopicView;

/**
 * Demand per topic as the gateway reports it (GET /v1/topics/{topic}), shared by all workers of the topic for a short
 * time. Every in-cluster worker re-reads demand each scaling interval, and many workers serve the same topics: without
 * sharing, the gateway would answer one request per worker and topic per interval. A read (or a failure to read) is
 * reused for {@code maxAge}, a fraction of the scaling interval, so a demand change still reaches every worker within
 * its next scaling pass plus {@code maxAge}.
 */
final class TopicDemandCache {
    private record Entry(long readAt, Optional<TopicView> view, GatewayException failure) {}

    private final GatewayClient gateway;
    private final long maxAgeNanos;
    private final LongSupplier clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    TopicDemandCache(GatewayClient gateway, Duration maxAge) {
        this(gateway, maxAge, System::nanoTime);
    }

    /* test */ TopicDemandCache(GatewayClient gateway, Duration maxAge, LongSupplier clock) {
        this.gateway = gateway;
        this.maxAgeNanos = maxAge.toNanos();
        this.clock = clock;
    }

    /** How long a read is shared: half the scaling interval, at most two seconds. */
    static Duration maxAgeFor(Duration scalingInterval) {
        Duration half = scalingInterval.dividedBy(2);
        return half.compareTo(Duration.ofSeconds(2)) > 0 ? Duration.ofSeconds(2) : half;
    }

    /** The topic's view, read from the gateway unless a read younger than {@code maxAge} exists. */
    Optional<TopicView> topic(String topic) {
        Entry e = entries.get(topic);
        if (!fresh(e)) {
            // One reader per topic; the others wait for its answer instead of all asking the gateway at once.
            synchronized (locks.computeIfAbsent(topic, t -> new Object())) {
                e = entries.get(topic);
                if (!fresh(e)) {
                    e = read(topic);
                    entries.put(topic, e);
                }
            }
        }
        if (e.failure() != null) {
            throw e.failure();
        }
        return e.view();
    }

    private Entry read(String topic) {
        try {
            return new Entry(clock.getAsLong(), gateway.topic(topic), null);
        } catch (GatewayException failure) {
            return new Entry(clock.getAsLong(), Optional.empty(), failure);
        }
    }

    private boolean fresh(Entry e) {
        return e != null && clock.getAsLong() - e.readAt() < maxAgeNanos;
    }
}
