package network.synod.core.yuma;

/**
 * One entry of a sparse matrix row: column {@code col} holds the I32F32 bits {@code value}. Rows keep their
 * entries in the order the Rust code produces them (stored order for weights, ascending for EMA results), and an
 * explicit zero entry is kept: whether a column is present changes the sparse path's results.
 */
public record Entry(int col, long value) {}
