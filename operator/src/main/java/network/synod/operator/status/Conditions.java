package network.synod.operator.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;

/**
 * Sets conditions the Kubernetes way: one entry per type, each stamped with the generation it describes, and a
 * lastTransitionTime that moves only when the condition's status, reason or message changes.
 */
public final class Conditions {

    private Conditions() {}

    /** Returns a copy of {@code existing} with the condition of {@code type} set as given. */
    public static List<Condition> set(
            List<Condition> existing,
            String type,
            boolean status,
            String reason,
            String message,
            Long generation,
            Instant now) {
        List<Condition> result = new ArrayList<>();
        Condition previous = null;
        for (Condition c : existing == null ? List.<Condition>of() : existing) {
            if (type.equals(c.getType())) {
                previous = c;
            } else {
                result.add(c);
            }
        }
        String statusText = status ? "True" : "False";
        boolean unchanged = previous != null
                && statusText.equals(previous.getStatus())
                && Objects.equals(reason, previous.getReason())
                && Objects.equals(message, previous.getMessage());
        String transition = unchanged && previous.getLastTransitionTime() != null
                ? previous.getLastTransitionTime()
                : now.toString();
        result.add(new ConditionBuilder()
                .withType(type)
                .withStatus(statusText)
                .withReason(reason)
                .withMessage(message)
                .withObservedGeneration(generation)
                .withLastTransitionTime(transition)
                .build());
        result.sort((a, b) -> a.getType().compareTo(b.getType()));
        return result;
    }

    /** Whether {@code type} is present and True. */
    public static boolean isTrue(List<Condition> conditions, String type) {
        return conditions != null
                && conditions.stream().anyMatch(c -> type.equals(c.getType()) && "True".equals(c.getStatus()));
    }
}
