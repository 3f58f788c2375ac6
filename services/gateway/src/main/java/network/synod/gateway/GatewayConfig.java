package network.synod.gateway;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The gateway's settings ({@code synod.gateway.*}; durations as Quarkus writes them: {@code 2S}, {@code 5M}). */
@ConfigMapping(prefix = "synod.gateway")
public interface GatewayConfig {

    /** How long one worker may take to answer before the request goes on without it. */
    @WithDefault("2S")
    Duration workerTimeout();

    /** How far a receipt's time may be from the gateway's clock. */
    @WithDefault("5M")
    Duration receiptMaxSkew();

    /** How many recent receipts are remembered to refuse a replayed one. */
    @WithDefault("100000")
    int receiptReplayWindow();

    /** How long a request for a topic whose workers are all scaled to zero is held before a 503. */
    @WithDefault("60S")
    Duration activationTimeout();

    /** The {@code Retry-After} of that 503. */
    @WithDefault("10S")
    Duration activationRetryAfter();

    /** How often each replica re-reads the dormant marks other replicas received. */
    @WithDefault("2S")
    Duration dormantRefresh();
}
