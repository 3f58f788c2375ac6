package network.synod.cli;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import network.synod.core.forecast.ForecastContext;
import network.synod.core.replay.Network;

/**
 * The network as its clients meet it: inferences from the gateway, ground truth to scoring. After each truth
 * it waits until the gateway applies the weights scoring published, so the next answer uses them, exactly as
 * the in-process replay does.
 */
public final class OnlineNetwork implements Network {

    private final LocalNetwork net;
    private final String topic;

    public OnlineNetwork(LocalNetwork net, String topic) {
        this.net = net;
        this.topic = topic;
    }

    @Override
    public Answer ask(ForecastContext context) throws Exception {
        JsonNode r = Http.send(
                "POST",
                net.gateway() + "/v1/topics/" + topic + "/inferences",
                Map.of("window", context.window(), "epoch", context.step()),
                null);
        SortedMap<String, Double> workers = new TreeMap<>();
        r.get("workers")
                .forEach(w -> workers.put(w.get("id").asText(), w.get("value").asDouble()));
        if (r.get("failed").size() > 0) {
            throw new IllegalStateException("workers failed during the replay: " + r.get("failed"));
        }
        return new Answer(r.get("value").asDouble(), workers);
    }

    @Override
    public void reveal(long step, double truth) throws Exception {
        Http.send(
                "POST",
                net.scoring() + "/v1/topics/" + topic + "/ground-truth",
                Map.of("epoch", step, "value", truth),
                net.reputerToken());
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (Http.get(net.gateway() + "/v1/topics/" + topic).get("stateEpoch").asLong() < step) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the gateway did not apply the weights of epoch " + step + " in 30 s");
            }
            Thread.sleep(2);
        }
    }
}
