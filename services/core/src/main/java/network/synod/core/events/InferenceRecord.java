package network.synod.core.events;

import java.util.SortedMap;

import network.synod.core.synthesis.NetworkInference;

/**
 * What the gateway publishes on {@code synod.inferences} for each answered request: the epoch's network
 * inference with its whole value bundle, so scoring can score it once the truth arrives.
 *
 * @param failures workers that failed or timed out, with the reason
 */
public record InferenceRecord(String requestId, String topic, long epoch, String createdAt,
        NetworkInference inference, SortedMap<String, String> failures) {
}
