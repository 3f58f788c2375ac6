package network.synod.core.yuma;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The epoch's outputs on 200 random subnets ({@link RandomEpochs}, two chained epochs each) are those of the port
 * before its hot path was optimised (commit fc63eeb: entry objects, BigInteger division, a dense row per EMA row):
 * the digest below was printed by {@code RandomEpochs.main} compiled against that commit's classes. The
 * subtensor cases (YumaCasesTest) pin the semantics; this pins that the optimisations changed no bit anywhere
 * else in the input space (the first 2,000 gave the same digest too:
 * b58e0e6026b7ce0c7c8a1f827e422acf03f84841f5edb7f314363c89fc1348eb).
 */
class YumaRegressionTest {

    @Test
    void theOptimisedEpochGivesThePortsOriginalBitsOnRandomSubnets() {
        assertEquals("0ec3740648575d08bcf134da50d5db66bd27111615820fdce984b7f1d17eb8d9", RandomEpochs.digest(200));
    }
}
