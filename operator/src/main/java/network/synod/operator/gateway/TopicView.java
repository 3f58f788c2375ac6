package network.synod.operator.gateway;

import java.util.List;
import java.util.Map;

import network.synod.operator.scaling.Demand;

/**
 * What GET /v1/topics/{topic} reports that the operator uses.
 *
 * @param workers     names of the workers registered on the topic
 * @param demand      in-flight requests and the time of the last request
 * @param networkLoss latest network loss when the gateway reports one ({@code networkLoss}), else null
 * @param dormant     workers the gateway holds as dormant (scaled to zero); empty when it reports none
 * @param quarantined workers the gateway holds in quarantine (verification caught them, or an admin), with the reason
 */
public record TopicView(
        List<String> workers,
        Demand demand,
        Double networkLoss,
        List<String> dormant,
        Map<String, String> quarantined) {

    /** A view in which no worker is dormant or quarantined. */
    public TopicView(List<String> workers, Demand demand, Double networkLoss) {
        this(workers, demand, networkLoss, List.of(), Map.of());
    }
}
