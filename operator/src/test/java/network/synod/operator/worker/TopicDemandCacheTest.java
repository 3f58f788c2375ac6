package network.synod.operator.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import network.synod.operator.gateway.GatewayClient;
import network.synod.operator.gateway.GatewayException;
import network.synod.operator.gateway.TopicSettings;
import network.synod.operator.gateway.TopicView;
import network.synod.operator.gateway.WorkerRegistration;
import network.synod.operator.scaling.Demand;

class TopicDemandCacheTest {
    private final AtomicLong now = new AtomicLong();
    private final FakeGateway gateway = new FakeGateway();
    private final TopicDemandCache cache = new TopicDemandCache(gateway, Duration.ofSeconds(1), now::get);

    @Test
    void testReadsAreSharedUntilTheyAgeOut() {
        gateway.inFlight = 3;
        assertEquals(3, cache.topic("t").orElseThrow().demand().inFlight());
        gateway.inFlight = 7;
        now.addAndGet(Duration.ofMillis(999).toNanos());
        assertEquals(3, cache.topic("t").orElseThrow().demand().inFlight());
        assertEquals(List.of("t"), gateway.reads);
        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertEquals(7, cache.topic("t").orElseThrow().demand().inFlight());
        assertEquals(7, cache.topic("other").orElseThrow().demand().inFlight());
        assertEquals(List.of("t", "t", "other"), gateway.reads);
    }

    @Test
    void testUnknownTopicsAndFailuresAreSharedToo() {
        gateway.unknown = true;
        assertTrue(cache.topic("t").isEmpty());
        gateway.unknown = false;
        gateway.fail = true;
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThrows(GatewayException.class, () -> cache.topic("t"));
        assertThrows(GatewayException.class, () -> cache.topic("t"));
        assertEquals(2, gateway.reads.size());
        gateway.fail = false;
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertTrue(cache.topic("t").isPresent());
    }

    @Test
    void testMaxAgeIsHalfTheScalingIntervalAtMostTwoSeconds() {
        assertEquals(Duration.ofMillis(250), TopicDemandCache.maxAgeFor(Duration.ofMillis(500)));
        assertEquals(Duration.ofSeconds(2), TopicDemandCache.maxAgeFor(Duration.ofSeconds(15)));
    }

    private static final class FakeGateway implements GatewayClient {
        final List<String> reads = new ArrayList<>();
        volatile int inFlight;
        volatile boolean unknown;
        volatile boolean fail;

        @Override
        public Optional<TopicView> topic(String topic) {
            reads.add(topic);
            if (fail) {
                throw new GatewayException("GET /v1/topics/" + topic + " failed: connection refused");
            }
            return unknown ? Optional.empty() : Optional.of(new TopicView(List.of(), new Demand(inFlight, null), null));
        }

        @Override
        public void putTopic(String topic, TopicSettings settings) {}

        @Override
        public void deleteTopic(String topic) {}

        @Override
        public void putWorker(String topic, String worker, WorkerRegistration registration) {}

        @Override
        public void setDormant(String topic, String worker, boolean dormant) {}

        @Override
        public void deleteWorker(String topic, String worker) {}
    }
}
