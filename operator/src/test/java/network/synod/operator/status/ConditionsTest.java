package network.synod.operator.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import io.fabric8.kubernetes.api.model.Condition;
import org.junit.jupiter.api.Test;

class ConditionsTest {
    private static final Instant T1 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T2 = Instant.parse("2026-01-01T00:05:00Z");

    @Test
    void testTransitionTimeMovesOnlyWhenTheConditionChanges() {
        List<Condition> first = Conditions.set(List.of(), "Ready", false, "Waiting", "0 ready", 1L, T1);
        List<Condition> same = Conditions.set(first, "Ready", false, "Waiting", "0 ready", 2L, T2);
        assertEquals(T1.toString(), same.get(0).getLastTransitionTime());
        assertEquals(2L, same.get(0).getObservedGeneration());
        List<Condition> flipped = Conditions.set(same, "Ready", true, "Ready", "1 ready", 2L, T2);
        assertEquals(T2.toString(), flipped.get(0).getLastTransitionTime());
        assertEquals("True", flipped.get(0).getStatus());
    }

    @Test
    void testOneEntryPerTypeSortedByType() {
        List<Condition> c = Conditions.set(List.of(), "Scheduled", true, "Placed", "ok", 1L, T1);
        c = Conditions.set(c, "Ready", false, "Waiting", "no", 1L, T1);
        c = Conditions.set(c, "Scheduled", false, "InsufficientCapacity", "full", 1L, T2);
        assertEquals(
                List.of("Ready", "Scheduled"),
                c.stream().map(Condition::getType).toList());
        assertTrue(Conditions.isTrue(Conditions.set(c, "Ready", true, "Ready", "yes", 1L, T2), "Ready"));
    }
}
