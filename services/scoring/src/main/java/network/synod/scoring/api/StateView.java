package network.synod.scoring.api;

import network.synod.core.synthesis.TopicState;

/** A topic's learnt state after {@code epoch} (null: no epoch closed yet, the initial state). */
public record StateView(String topic, Long epoch, TopicState state) {}
