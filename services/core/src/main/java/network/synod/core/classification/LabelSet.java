package network.synod.core.classification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The labels of a classification subnet, in the order every probability vector uses.
 *
 * @param names two or more distinct, non-blank labels
 */
public record LabelSet(List<String> names) {

    /** The labels of the spam subnet, in this order. */
    public static final LabelSet SPAM_HAM = LabelSet.of("ham", "spam");

    public LabelSet {
        names = List.copyOf(names);
        if (names.size() < 2) {
            throw new IllegalArgumentException("a label set needs at least two labels, got " + names);
        }
        Map<String, Integer> seen = new HashMap<>();
        for (String n : names) {
            if (n == null || n.isBlank()) {
                throw new IllegalArgumentException("a label must not be blank");
            }
            if (seen.put(n, seen.size()) != null) {
                throw new IllegalArgumentException("label '" + n + "' appears twice");
            }
        }
    }

    public static LabelSet of(String... names) {
        return new LabelSet(List.of(names));
    }

    /** The labels of a comma-separated list such as {@code ham,spam}. */
    public static LabelSet parse(String commaSeparated) {
        return new LabelSet(List.of(commaSeparated.trim().split("\\s*,\\s*")));
    }

    public int size() {
        return names.size();
    }

    public String name(int index) {
        return names.get(index);
    }

    /** The position of {@code label}; a label outside the set is an {@link IllegalArgumentException}. */
    public int index(String label) {
        int i = names.indexOf(label);
        if (i < 0) {
            throw new IllegalArgumentException("label '" + label + "' is not one of " + names);
        }
        return i;
    }

    public boolean contains(String label) {
        return names.contains(label);
    }

    /** The label of the largest probability; ties go to the earlier label. */
    public String argmax(double[] probabilities) {
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        return names.get(best);
    }

    @Override
    public String toString() {
        return String.join(",", names);
    }
}
