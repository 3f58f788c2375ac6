package network.synod.operator.bench;

import java.util.HashMap;
import java.util.Map;

import network.synod.operator.testing.GatewayRecorderResource;

/** The gateway recorder with production-like intervals, so periodic demand checks do not dominate the benchmark. */
public class BenchGatewayResource extends GatewayRecorderResource {
    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("synod.operator.scaling-interval", "15s");
        config.put("synod.operator.unscheduled-retry", "30s");
        return config;
    }
}
