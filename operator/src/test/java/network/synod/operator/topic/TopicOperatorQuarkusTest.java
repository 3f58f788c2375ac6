package network.synod.operator.topic;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import jakarta.inject.Inject;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import org.junit.jupiter.api.Test;

import network.synod.operator.api.Topic;
import network.synod.operator.api.TopicSpec;
import network.synod.operator.testing.GatewayRecorder;
import network.synod.operator.testing.GatewayRecorderResource;

/** The Topic reconciler configures the topic in the gateway and in scoring, and removes it on delete. */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@QuarkusTestResource(value = GatewayRecorderResource.class, restrictToAnnotatedClass = true)
class TopicOperatorQuarkusTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    KubernetesClient client;

    @Test
    void testTopicIsConfiguredInGatewayAndScoringAndDeleted() {
        GatewayRecorder gateway = GatewayRecorderResource.gateway();
        GatewayRecorder scoring = GatewayRecorderResource.scoring();
        gateway.demand("eth-1h", 0, null);
        Topic topic = new Topic();
        topic.setMetadata(
                new ObjectMetaBuilder().withName("eth-1h").withNamespace("test").build());
        TopicSpec spec = new TopicSpec();
        spec.setLossFunction("mae");
        spec.setSeason(24);
        spec.setSynthesisMode("synod");
        topic.setSpec(spec);
        client.resources(Topic.class).inNamespace("test").resource(topic).create();

        // The status is absent until the first reconcile has written it.
        await().atMost(WAIT).ignoreException(NullPointerException.class).untilAsserted(() -> {
            Topic t = client.resources(Topic.class)
                    .inNamespace("test")
                    .withName("eth-1h")
                    .get();
            assertEquals("True", t.getStatus().getConditions().get(0).getStatus());
            assertEquals(
                    t.getMetadata().getGeneration(),
                    t.getStatus().getConditions().get(0).getObservedGeneration());
            assertEquals(List.of("w1", "w2"), t.getStatus().getRegisteredWorkers());
            assertEquals(0.125, t.getStatus().getLatestNetworkLoss());
        });
        var put = gateway.calls().stream()
                .filter(c -> c.method().equals("PUT") && c.path().equals("/v1/admin/topics/eth-1h"))
                .findFirst()
                .orElseThrow();
        assertEquals("{\"lossFunction\":\"mae\",\"season\":24,\"mode\":\"synod\"}", put.body());
        assertTrue(scoring.saw("PUT", "/v1/admin/topics/eth-1h"));

        client.resources(Topic.class).inNamespace("test").withName("eth-1h").delete();
        await().atMost(WAIT)
                .until(() -> gateway.saw("DELETE", "/v1/admin/topics/eth-1h")
                        && scoring.saw("DELETE", "/v1/admin/topics/eth-1h"));
    }
}
