package network.synod.core.synthesis;

/** How a topic combines its workers' answers into the network's answer. */
public enum SynthesisMode {
    /** Faithful to Allora's late rules: regret EMA, MAD scale, w = φ′(R̂)/φ′(R̂max). */
    ALLORA("allora"),
    /** Synod's own combiner: robust online stacking over the workers, guarded by the Allora answer. */
    SYNOD("synod");

    private final String id;

    SynthesisMode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static SynthesisMode fromId(String id) {
        for (SynthesisMode m : values()) {
            if (m.id.equals(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown synthesis mode '" + id + "'; expected allora or synod");
    }
}
