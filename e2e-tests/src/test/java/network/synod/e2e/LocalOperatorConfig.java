package network.synod.e2e;

import java.time.Duration;
import java.util.Optional;

import network.synod.operator.OperatorConfig;

/**
 * The operator's settings when the e2e suites run it in the test JVM: the local gateway (and scoring, when the
 * suite runs it) as its services, the port every worker replica listens on, and a short scaling interval so
 * scale-to-zero and wake-up happen within seconds.
 */
record LocalOperatorConfig(String gatewayUrl, Optional<String> scoringUrl, int workerPort) implements OperatorConfig {

    @Override
    public String workerImage() {
        return "ghcr.io/synod-network/synod-worker:0.1.0";
    }

    @Override
    public Optional<String> workerOtlpEndpoint() {
        return Optional.empty();
    }

    @Override
    public String workerOtlpProtocol() {
        return "grpc";
    }

    @Override
    public String placementPolicy() {
        return "bin-pack";
    }

    @Override
    public Duration scalingInterval() {
        return Duration.ofMillis(500);
    }

    @Override
    public Duration unscheduledRetry() {
        return Duration.ofSeconds(1);
    }

    @Override
    public Gateway gateway() {
        return new Gateway() {
            @Override
            public String url() {
                return gatewayUrl;
            }

            @Override
            public String adminToken() {
                return "synod-admin";
            }

            @Override
            public Duration timeout() {
                return Duration.ofSeconds(10);
            }
        };
    }
}
