package network.synod.core.yuma;

/** One stored u16 entry of a weights or bonds row: {@code (dest uid, u16 value)}, as subtensor's storage holds it. */
public record Stored(int uid, int value) {

    public Stored {
        if (value < 0 || value > 65535) {
            throw new IllegalArgumentException("a stored value is a u16, got " + value);
        }
    }
}
