package network.synod.operator.placement;

import java.util.Map;

/**
 * A schedulable node with its labels and the extended resources still free on it (allocatable minus what pods
 * outside Synod's control request).
 *
 * @param name   node name
 * @param labels node labels, as GPU Feature Discovery and the cloud set them
 * @param free   free amount per resource name, e.g. nvidia.com/gpu: 8, nvidia.com/mig-1g.10gb: 7
 */
public record NodeCapacity(String name, Map<String, String> labels, Map<String, Long> free) {}
