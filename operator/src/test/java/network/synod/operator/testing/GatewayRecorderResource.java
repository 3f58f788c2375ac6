package network.synod.operator.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Starts a gateway recorder and a scoring recorder for the operator under test and points its config at them. */
public class GatewayRecorderResource implements QuarkusTestResourceLifecycleManager {
    private static GatewayRecorder gateway;
    private static GatewayRecorder scoring;

    public static GatewayRecorder gateway() {
        return gateway;
    }

    public static GatewayRecorder scoring() {
        return scoring;
    }

    @Override
    public Map<String, String> start() {
        try {
            gateway = new GatewayRecorder();
            scoring = new GatewayRecorder();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "synod.operator.gateway.url", gateway.url(),
                "synod.operator.gateway.admin-token", "test-admin",
                "synod.operator.scoring-url", scoring.url(),
                // Short intervals so demand changes and retries show within a test.
                "synod.operator.scaling-interval", "0.5s",
                "synod.operator.unscheduled-retry", "1s");
    }

    @Override
    public void stop() {
        gateway.close();
        scoring.close();
    }
}
