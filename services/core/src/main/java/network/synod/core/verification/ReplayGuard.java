package network.synod.core.verification;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the most recent receipt signatures seen, so a receipt presented twice is refused. Ed25519 signatures
 * are deterministic, so two receipts with one signature are the same receipt. Bounded: the oldest are forgotten,
 * and a receipt older than what is remembered is still bound to its request by the input hash.
 */
public final class ReplayGuard {

    private final Map<String, Boolean> seen;

    public ReplayGuard(int capacity) {
        this.seen = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True the first time a signature is offered, false on every later time. */
    public synchronized boolean firstSeen(String signature) {
        return seen.putIfAbsent(signature, Boolean.TRUE) == null;
    }
}
