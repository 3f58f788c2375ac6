package network.synod.operator.gateway;

import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import network.synod.operator.OperatorConfig;

/** The gateway client and, when configured, the scoring client, built once from configuration. */
@ApplicationScoped
public class SynodClients {
    private final GatewayClient gateway;
    private final Optional<GatewayClient> scoring;

    @Inject
    public SynodClients(OperatorConfig config) {
        var g = config.gateway();
        this.gateway = new HttpGatewayClient(g.url(), g.adminToken(), g.timeout());
        this.scoring = config.scoringUrl().map(url -> new HttpGatewayClient(url, g.adminToken(), g.timeout()));
    }

    public GatewayClient gateway() {
        return gateway;
    }

    public Optional<GatewayClient> scoring() {
        return scoring;
    }
}
