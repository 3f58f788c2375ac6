package network.synod.core.events;

import network.synod.core.synthesis.TopicState;

/** What scoring publishes on {@code synod.weights} after closing an epoch: the topic's whole learnt state. */
public record WeightUpdate(String topic, long epoch, TopicState state) {
}
