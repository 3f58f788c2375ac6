package network.synod.core.classification;

/** One labelled message of a replay file: {@code {"t","id","label","text"}}. */
public record LabelledText(String t, String id, String label, String text) {}
