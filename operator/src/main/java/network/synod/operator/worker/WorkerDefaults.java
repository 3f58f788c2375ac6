package network.synod.operator.worker;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Operator-wide settings a worker's Deployment and Service are built from.
 *
 * @param image        container image used when the Worker names none
 * @param port         port the worker serves OIP on
 * @param otlpEndpoint OTLP collector the workers export their traces to (README "Tracing"); null: no tracing
 * @param otlpProtocol grpc or http/protobuf
 */
public record WorkerDefaults(String image, int port, String otlpEndpoint, String otlpProtocol) {

    public WorkerDefaults(String image, int port) {
        this(image, port, null, null);
    }

    /** Reads the settings from configuration (see {@link network.synod.operator.OperatorConfig}). */
    static WorkerDefaults fromConfig() {
        var config = ConfigProvider.getConfig();
        return new WorkerDefaults(
                config.getOptionalValue("synod.operator.worker-image", String.class)
                        .orElse("ghcr.io/synod-network/synod-worker:0.1.0"),
                config.getOptionalValue("synod.operator.worker-port", Integer.class)
                        .orElse(8080),
                config.getOptionalValue("synod.operator.worker-otlp-endpoint", String.class)
                        .filter(s -> !s.isBlank())
                        .orElse(null),
                config.getOptionalValue("synod.operator.worker-otlp-protocol", String.class)
                        .orElse("grpc"));
    }
}
