package network.synod.scoring.api;

import network.synod.core.events.TopicSpec;

/** A topic as {@code GET /v1/topics/{topic}} shows it; the epoch and loss are null before the first closing. */
public record TopicView(String topic, TopicSpec spec, Long latestEpoch, Double latestNetworkLoss) {}
