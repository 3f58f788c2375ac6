package network.synod.worker;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** {@code /q/health/ready} is up once the served model is ready, as {@code /v2/health/ready} is. */
@Readiness
@ApplicationScoped
public class ModelReadiness implements HealthCheck {

    private final ModelRuntime runtime;

    public ModelReadiness(ModelRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public HealthCheckResponse call() {
        return runtime.model()
                .map(m -> HealthCheckResponse.named("model")
                        .up()
                        .withData("name", runtime.name())
                        .withData("kind", m.kind())
                        .withData("sha256", m.sha256())
                        .build())
                .orElseGet(() -> HealthCheckResponse.named("model")
                        .down()
                        .withData("reason", runtime.notReadyReason())
                        .build());
    }
}
