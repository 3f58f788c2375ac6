package network.synod.operator.placement;

/** How placement chooses among pools of equal cost and among nodes inside a pool. */
public enum PlacementPolicy {
    /** Fill the fullest pool and node that still fits, keeping whole nodes free for large requests. */
    BIN_PACK,
    /** Use the emptiest pool and node, spreading load and failure domains. */
    SPREAD
}
