package network.synod.operator.worker;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Operator-wide settings a worker's Deployment and Service are built from.
 *
 * @param image container image used when the Worker names none
 * @param port  port the worker serves OIP on
 */
public record WorkerDefaults(String image, int port) {

    /** Reads the settings from configuration (see {@link network.synod.operator.OperatorConfig}). */
    static WorkerDefaults fromConfig() {
        var config = ConfigProvider.getConfig();
        return new WorkerDefaults(
                config.getOptionalValue("synod.operator.worker-image", String.class)
                        .orElse("ghcr.io/synod-network/synod-worker:0.1.0"),
                config.getOptionalValue("synod.operator.worker-port", Integer.class).orElse(8080));
    }
}
