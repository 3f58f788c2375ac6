package network.synod.cli;

import java.util.Arrays;
import java.util.Iterator;

import network.synod.core.synthesis.SynthesisMode;

/** The ids {@code --mode} accepts, for its help text and shell completion: one list, from the modes themselves. */
final class SynthesisModeIds implements Iterable<String> {

    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(SynthesisMode.values()).map(SynthesisMode::id).iterator();
    }
}
