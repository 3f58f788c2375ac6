package network.synod.core.subnet;

/**
 * The miners' side of a simulated subnet: what each validator measures of each miner, one epoch at a time. A world
 * draws every random number of an epoch in {@link #advance}, in a fixed order, so two runs with the same seed see
 * the same miners and the same measurements whatever the validators then do with them.
 */
interface World {

    /** Moves to {@code epoch} (0, 1, 2, … in order): the miners' qualities, answers and every measurement. */
    void advance(int epoch);

    /** Validator {@code validator}'s score of each miner this epoch (≥ 0, higher is better, any scale). */
    double[] observe(int validator);
}
