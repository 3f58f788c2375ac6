package network.synod.operator.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import network.synod.operator.testing.GatewayRecorder;

class HttpGatewayClientTest {
    private GatewayRecorder recorder;
    private HttpGatewayClient client;

    @BeforeEach
    void start() throws Exception {
        recorder = new GatewayRecorder();
        client = new HttpGatewayClient(recorder.url(), "secret", Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() {
        recorder.close();
    }

    @Test
    void testWritesFollowTheAdminContract() {
        client.putTopic("eth-1h", new TopicSettings("mse", 24, "allora"));
        client.putWorker(
                "eth-1h", "mlp-1", new WorkerRegistration("http://mlp-1.ns.svc:8080", "model", "inferer", null, null));
        client.putWorker(
                "eth-1h",
                "mlp-2",
                new WorkerRegistration(
                        "http://mlp-2.ns.svc:8080", "model", "inferer", "MCowBQYDK2VwAyEA", "ab".repeat(32)));
        client.deleteWorker("eth-1h", "mlp-1");
        client.deleteTopic("eth-1h");

        var calls = recorder.calls();
        assertEquals("PUT", calls.get(0).method());
        assertEquals("/v1/admin/topics/eth-1h", calls.get(0).path());
        assertEquals(
                "{\"lossFunction\":\"mse\",\"season\":24,\"mode\":\"allora\"}",
                calls.get(0).body());
        assertEquals("Bearer secret", calls.get(0).auth());
        assertEquals("/v1/admin/topics/eth-1h/workers/mlp-1", calls.get(1).path());
        assertEquals(
                "{\"url\":\"http://mlp-1.ns.svc:8080\",\"model\":\"model\",\"role\":\"inferer\"}",
                calls.get(1).body());
        // A key and digest travel only when the operator has them (the gateway then checks every receipt).
        assertEquals(
                "{\"url\":\"http://mlp-2.ns.svc:8080\",\"model\":\"model\",\"role\":\"inferer\",\"publicKey\":"
                        + "\"MCowBQYDK2VwAyEA\",\"modelDigest\":\"" + "ab".repeat(32) + "\"}",
                calls.get(2).body());
        assertTrue(recorder.saw("DELETE", "/v1/admin/topics/eth-1h/workers/mlp-1"));
        assertTrue(recorder.saw("DELETE", "/v1/admin/topics/eth-1h"));
    }

    @Test
    void testTopicViewCarriesDemand() {
        recorder.demand("eth-1h", 7, "2026-01-01T00:00:00Z");
        TopicView view = client.topic("eth-1h").orElseThrow();
        assertEquals(7, view.demand().inFlight());
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), view.demand().lastRequestAt());
        assertEquals(2, view.workers().size());
        assertEquals(0.125, view.networkLoss());
        assertTrue(client.topic("unknown").isEmpty());
    }

    @Test
    void testDormantMarksFollowTheAdminContractAndShowInTheView() {
        recorder.demand("eth-1h", 0, null);
        client.setDormant("eth-1h", "mlp-1", true);
        assertTrue(recorder.saw("PUT", "/v1/admin/topics/eth-1h/workers/mlp-1/dormant"));
        assertEquals(List.of("mlp-1"), client.topic("eth-1h").orElseThrow().dormant());
        client.setDormant("eth-1h", "mlp-1", false);
        assertTrue(recorder.saw("DELETE", "/v1/admin/topics/eth-1h/workers/mlp-1/dormant"));
        assertTrue(client.topic("eth-1h").orElseThrow().dormant().isEmpty());
    }

    @Test
    void testErrorsBecomeGatewayExceptions() {
        recorder.failWith(503);
        assertThrows(GatewayException.class, () -> client.putTopic("t", new TopicSettings("mse", null, "synod")));
        recorder.close();
        assertThrows(GatewayException.class, () -> client.topic("t"));
    }
}
