package network.synod.operator;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import network.synod.operator.placement.PlacementPolicy;

/** The operator's settings (prefix {@code synod.operator}); see operator/README.md. */
@ConfigMapping(prefix = "synod.operator")
public interface OperatorConfig {

    /** Image of the worker container, unless a Worker names its own. */
    @WithDefault("ghcr.io/synod-network/synod-worker:0.1.0")
    String workerImage();

    /** Port the worker serves OIP on. */
    @WithDefault("8080")
    int workerPort();

    /**
     * OTLP endpoint of the collector the workers export their traces to, handed to each worker pod as
     * {@code OTEL_EXPORTER_OTLP_ENDPOINT}; absent: the workers record no traces (README "Tracing").
     */
    Optional<String> workerOtlpEndpoint();

    /** OTLP protocol of {@link #workerOtlpEndpoint()}: grpc or http/protobuf. */
    @WithDefault("grpc")
    String workerOtlpProtocol();

    /** bin-pack (default) or spread. */
    @WithDefault("bin-pack")
    String placementPolicy();

    /** How often a worker that follows demand re-reads it. */
    @WithDefault("15s")
    Duration scalingInterval();

    /** How often an unscheduled worker retries placement even without a Node or Pod event. */
    @WithDefault("30s")
    Duration unscheduledRetry();

    Gateway gateway();

    /** Scoring's base URL; when absent, topics are only created in the gateway. */
    Optional<String> scoringUrl();

    /** Where the gateway's admin API lives and how to authenticate. */
    interface Gateway {
        @WithDefault("http://synod-gateway:8080")
        String url();

        /** Admin bearer token; in a cluster supply it from a Secret (SYNOD_OPERATOR_GATEWAY_ADMIN_TOKEN). */
        @WithDefault("synod-admin")
        String adminToken();

        @WithDefault("5s")
        Duration timeout();
    }

    default PlacementPolicy policy() {
        return "spread".equalsIgnoreCase(placementPolicy()) ? PlacementPolicy.SPREAD : PlacementPolicy.BIN_PACK;
    }
}
