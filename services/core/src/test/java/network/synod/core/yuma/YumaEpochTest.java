package network.synod.core.yuma;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Hand-worked epochs for what subtensor's cases cannot detect (README, "What the cases cannot detect"): the
 * recently-registered bond mask with non-empty bonds, {@code LastMechansimStepBlock ≠ 0}, the owner's exemptions,
 * the stake threshold; and properties every epoch must have (emission conservation, normalised incentive,
 * determinism). Expected values are worked out in the comments, not computed with the code under test.
 */
class YumaEpochTest {

    private static final long ONE = 1L << 32;
    private static final long HALF = ONE / 2;

    private static List<Stored> row(int... pairs) {
        List<Stored> row = new ArrayList<>();
        for (int k = 0; k < pairs.length; k += 2) {
            row.add(new Stored(pairs[k], pairs[k + 1]));
        }
        return row;
    }

    /**
     * Two equal validators (0, 1) weight miners 2 and 3 equally at block 11; miner 2 re-registered at block 10.
     * Validator 0 holds bonds to both miners, validator 1 only to miner 3. Tempo 5.
     */
    private static SubnetState recentlyRegistered() {
        return new SubnetState(
                4,
                new long[] {1, 1, 0, 0},
                new long[] {11, 11, 0, 0},
                new long[] {0, 0, 10, 0},
                new boolean[] {true, true, false, false},
                List.of(row(2, 65535, 3, 65535), row(2, 65535, 3, 65535), row(), row()),
                List.of(row(2, 65535, 3, 65535), row(3, 65535), row(), row()));
    }

    @Test
    void bondsTowardAUidRegisteredSinceTheLastTempoAreDropped() {
        // Block 12, tempo 5: last_tempo = 7 <= 10, so validator 0's bond to miner 2 is dropped before the EMA.
        // Both validators then start from 0 on miner 2: EMA α·0.5 each, column-normalised 0.5 each, upscaled to 1.
        EpochResult r = Yuma.epoch(YumaParams.defaults(4, 5), recentlyRegistered(), 12, 1_000_000_000L);
        assertEquals(65535, r.bondU16(0, 2));
        assertEquals(65535, r.bondU16(1, 2));
        assertEquals(65535, r.bondU16(0, 3));
        assertEquals(65535, r.bondU16(1, 3));
        assertArrayEquals(new long[] {HALF, HALF, 0, 0}, r.dividends());
    }

    @Test
    void withoutTheMaskTheOldBondDominatesTheColumn() {
        // Block 16: last_tempo = 11 > 10, the bond is kept. Column 2 of B is (1, 0) after normalisation; EMA
        // row 0 = α·0.5 + (1−α)·1 = 214748365 + 3865470566 = 4080218931 bits, row 1 = α·0.5 = 214748365 (their
        // sum is exactly 1). Upscaled, row 1 = 214748365 / 4080218931 = 226050910 bits → floor(·65535) = 3449.
        EpochResult r = Yuma.epoch(YumaParams.defaults(4, 5), recentlyRegistered(), 16, 1_000_000_000L);
        assertEquals(65535, r.bondU16(0, 2));
        assertEquals(3449, r.bondU16(1, 2));
    }

    @Test
    void aNonZeroLastMechanismStepBlockSetsLastTempoToItPlusOne() {
        YumaParams p = YumaParams.defaults(4, 5);
        // At block 12 (block − tempo = 7 would mask): LastMechansimStepBlock 10 → last_tempo 11 > 10, kept.
        assertEquals(
                3449,
                Yuma.epoch(p.with("last_mechanism_step_block", 10L), recentlyRegistered(), 12, 1_000_000_000L)
                        .bondU16(1, 2));
        // LastMechansimStepBlock 9 → last_tempo 10 <= 10: masked again (the boundary is inclusive).
        assertEquals(
                65535,
                Yuma.epoch(p.with("last_mechanism_step_block", 9L), recentlyRegistered(), 12, 1_000_000_000L)
                        .bondU16(1, 2));
    }

    /** Validators 0 and 1 (stake 10) and the owner 2 (stake 1, no stored permit) all weight uid 2 only. */
    private static SubnetState ownerState() {
        return new SubnetState(
                3,
                new long[] {10, 10, 1},
                new long[] {1, 1, 1},
                new long[] {0, 0, 0},
                new boolean[] {true, true, false},
                List.of(row(2, 65535), row(2, 65535), row(2, 65535)),
                List.of());
    }

    @Test
    void theOwnerIsExemptFromTheStakeThresholdKeepsItsSelfWeightAndAlwaysHasAPermit() {
        YumaParams p = YumaParams.defaults(3, 10).with("stake_threshold", 5L).with("max_allowed_validators", 2L);
        Map<String, Object> owned = new HashMap<>();
        EpochResult r = Yuma.epoch(p.with("owner_uid", 2L), ownerState(), 2, 1_000_000_000L, owned::put);
        // Stake 1 of 21 is kept for the owner: floor(2^32/21) = 204522252, floor(10·2^32/21) = 2045222521.
        assertArrayEquals(new long[] {2045222521L, 2045222521L, 204522252L}, r.stake());
        // Top-2 by stake leaves the owner out; it gets a permit anyway.
        assertArrayEquals(new boolean[] {true, true, true}, r.validatorPermit());
        // Its stored permit is forced too, so its row counts, and its self-weight survives the diagonal mask.
        assertEquals(
                List.of(new Entry(2, 65535L << 32)),
                rows(owned, "Weights (permit+diag)").get(2));

        Map<String, Object> plain = new HashMap<>();
        EpochResult without = Yuma.epoch(p, ownerState(), 2, 1_000_000_000L, plain::put);
        assertArrayEquals(new long[] {HALF, HALF, 0}, without.stake());
        assertArrayEquals(new boolean[] {true, true, false}, without.validatorPermit());
        assertEquals(List.of(), rows(plain, "Weights (permit)").get(2));
        assertEquals(List.of(), without.bonds().get(2));
    }

    @Test
    void stakeBelowTheThresholdCountsAsZeroAndStakeAtItCounts() {
        SubnetState s = new SubnetState(
                3,
                new long[] {5, 4, 10},
                new long[] {1, 1, 1},
                new long[] {0, 0, 0},
                new boolean[] {false, false, false},
                List.of(),
                List.of());
        EpochResult r = Yuma.epoch(YumaParams.defaults(3, 10).with("stake_threshold", 5L), s, 2, 1_000_000_000L);
        // 5 is not below 5: floor(5·2^32/15) = 1431655765, floor(10·2^32/15) = 2863311530.
        assertArrayEquals(new long[] {1431655765L, 0, 2863311530L}, r.stake());
        assertArrayEquals(new boolean[] {true, false, true}, r.validatorPermit());
        // No weights: emission follows stake (active stake is 0 without old permits): floor(x·1e9/2^32).
        assertArrayEquals(new long[] {333333333L, 0, 666666666L}, r.emission());
    }

    @SuppressWarnings("unchecked")
    private static List<List<Entry>> rows(Map<String, Object> trace, String label) {
        return (List<List<Entry>>) trace.get(label);
    }

    @Test
    void everyEpochConservesEmissionNormalisesIncentiveAndIsDeterministic() {
        Random random = new Random(42);
        long rao = 1_000_000_000L;
        for (int trial = 0; trial < 300; trial++) {
            int n = 2 + random.nextInt(12);
            YumaParams p = randomParams(random, n);
            SubnetState initial = randomState(random, n);
            String before = initial.toString();
            List<Op> ops = List.of(new Op.Epoch(5, rao, true), new Op.Epoch(6, rao, true), new Op.Epoch(7, rao, true));
            List<EpochResult> first = YumaReplay.run(p, initial, ops);
            List<EpochResult> second = YumaReplay.run(p, initial, ops);
            assertEquals(before, initial.toString(), "a replay leaves its initial state alone");
            for (int k = 0; k < first.size(); k++) {
                EpochResult r = first.get(k);
                assertEquals(describe(r), describe(second.get(k)), "deterministic");
                long total = Arrays.stream(r.emission()).sum();
                assertTrue(total <= rao && total >= rao - 2L * n, "emission " + total + " of " + rao + ", n=" + n);
                long split = Arrays.stream(r.serverEmission()).sum()
                        + Arrays.stream(r.validatorEmission()).sum();
                assertTrue(split <= rao, "server + validator emission " + split);
                long incentive = Arrays.stream(r.incentive()).sum();
                assertTrue(incentive == 0 || (incentive <= ONE && incentive > ONE - n), "incentive sum " + incentive);
                for (int i = 0; i < n; i++) {
                    assertTrue(r.validatorPermit()[i] || r.bonds().get(i).isEmpty(), "bonds only for permits");
                    assertTrue(r.consensus()[i] >= 0 && r.consensus()[i] <= ONE);
                }
            }
        }
    }

    private static String describe(EpochResult r) {
        return Arrays.toString(r.validatorPermit())
                + Arrays.toString(r.consensus())
                + Arrays.toString(r.incentive())
                + Arrays.toString(r.dividends())
                + Arrays.toString(r.validatorTrust())
                + Arrays.toString(r.emission())
                + Arrays.toString(r.serverEmission())
                + Arrays.toString(r.validatorEmission())
                + r.bonds();
    }

    private static YumaParams randomParams(Random random, int n) {
        boolean yuma3 = random.nextBoolean();
        // Bonds penalty 0, 1 or in between: the three behaviours of interpolate_sparse.
        int bondsPenalty = random.nextInt(3) == 0 ? random.nextInt(65536) : 65535 * random.nextInt(2);
        OptionalInt owner = random.nextBoolean() ? OptionalInt.of(random.nextInt(n)) : OptionalInt.empty();
        return new YumaParams(
                random.nextInt(65536),
                bondsPenalty,
                900_000 + random.nextInt(100_000),
                13_889,
                0,
                1 + random.nextInt(n + 2),
                yuma3,
                yuma3 && random.nextBoolean(),
                6553,
                19660,
                1000,
                owner,
                0,
                n,
                1 + random.nextInt(4));
    }

    private static SubnetState randomState(Random random, int n) {
        long[] stake = new long[n];
        long[] lastUpdate = new long[n];
        long[] registered = new long[n];
        boolean[] permit = new boolean[n];
        List<List<Stored>> weights = new ArrayList<>();
        List<List<Stored>> bonds = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            stake[i] = random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(1_000_000);
            lastUpdate[i] = random.nextInt(6);
            registered[i] = random.nextInt(4);
            permit[i] = random.nextBoolean();
            weights.add(randomRow(random, n));
            bonds.add(randomRow(random, n));
        }
        stake[random.nextInt(n)] = 1 + random.nextInt(1000); // some stake, so that emission has somewhere to go
        return new SubnetState(n, stake, lastUpdate, registered, permit, weights, bonds);
    }

    private static List<Stored> randomRow(Random random, int n) {
        List<Stored> row = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            if (random.nextBoolean()) {
                row.add(new Stored(j, random.nextInt(4) == 0 ? 0 : random.nextInt(65536)));
            }
        }
        return row;
    }
}
