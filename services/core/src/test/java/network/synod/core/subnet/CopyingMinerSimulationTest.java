package network.synod.core.subnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import network.synod.core.yuma.EpochResult;
import network.synod.core.yuma.YumaParams;

/**
 * A miner that returns another miner's answers, against commit-reveal of the answers ({@link ForecastTasks}: 16
 * random-walk tasks moving by 0.5 per epoch, each validator scoring on its own random half of them). 24 miners:
 * miner 0, the original, of skill σ = 0.5; miner 1, its honest twin, of the same skill; miner 2 copies miner 0's
 * answers; miner 3 is honest with σ = √(0.5² + 0.5²), as accurate as the copier's stale answers; the other 20 are
 * honest with σ drawn from [0.3, 1.5]. Six honest validators of equal stake, classic Yuma, subtensor's defaults,
 * validators' weights without commit-reveal (only the answers are committed).
 *
 * <p>The model, and why: under commit-reveal a copier only ever holds answers that were already revealed, so
 * after the round they answered closed; handed in for the next round, they answer a target that has since moved.
 * Its score is therefore not the original's score but that of the original's answer to a stale task: its error is
 * the original's plus one epoch's move of the target. (Scoring it as "the original's score of the previous epoch"
 * would give it the original's average emission, lagged by one epoch: it would assume the tasks do not change,
 * and then there would be nothing to forecast.) Without commit-reveal the copier hands in the very same answers
 * as the original, in time, and earns exactly what the original earns.
 *
 * <p>Measured (miner emission over epochs 10..199, four seeds): without commit-reveal copier / original = 1.000
 * exactly. With commit-reveal copier / original 0.828–0.858 and copier / twin 0.828–0.852 (asserted ≤ 0.9), and
 * copier / the honest miner as accurate as its stale answers 0.998–1.020 (asserted ≤ 1.05): copying buys no more
 * than the accuracy it delivers. It is not worthless: a stale forecast of a random walk is still a forecast, and it
 * earns what one is worth.
 */
class CopyingMinerSimulationTest {

    static final int VALIDATORS = 6;
    static final int MINERS = 24;
    static final int ORIGINAL = 0;
    static final int TWIN = 1;
    static final int COPIER = 2;
    static final int STALE_TWIN = 3;
    static final double SKILL = 0.5;
    static final double STEP = 0.5;
    static final int EPOCHS = 200;
    static final int WARM_UP = 10;
    static final long[] SEEDS = {21, 22, 23, 24};

    /** Each miner's server emission (rao) summed over the epochs after the warm-up. */
    static double[] emission(long seed, boolean commitReveal) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] skill = new double[MINERS];
        int[] copies = new int[MINERS];
        Arrays.fill(copies, -1);
        for (int j = 0; j < MINERS; j++) {
            skill[j] = 0.3 + 1.2 * random.nextDouble();
        }
        skill[ORIGINAL] = SKILL;
        skill[TWIN] = SKILL;
        // An honest miner whose own answers are as good as the copier's stale ones: σ² = SKILL² + STEP².
        skill[STALE_TWIN] = Math.hypot(SKILL, STEP);
        copies[COPIER] = ORIGINAL;
        long[] stake = new long[VALIDATORS];
        Arrays.fill(stake, 1_000_000_000_000L);
        List<ValidatorStrategy> honest = new ArrayList<>();
        for (int i = 0; i < VALIDATORS; i++) {
            honest.add(new ValidatorStrategy.Honest());
        }
        YumaParams p = SubnetSimulation.Setup.defaults(VALIDATORS, MINERS);
        SubnetSimulation sim = new SubnetSimulation(
                new SubnetSimulation.Setup(p, stake, MINERS, false, honest),
                new ForecastTasks(seed, VALIDATORS, skill, copies, commitReveal, 16, STEP));
        double[] total = new double[MINERS];
        List<EpochResult> results = sim.run(EPOCHS);
        for (EpochResult r : results.subList(WARM_UP, EPOCHS)) {
            for (int j = 0; j < MINERS; j++) {
                total[j] += r.serverEmission()[VALIDATORS + j];
            }
        }
        return total;
    }

    @Test
    void withCommitRevealACopiedAnswerEarnsLessThanTheOriginalAndThanAnHonestMinerOfEqualSkill() {
        for (long seed : SEEDS) {
            double[] e = emission(seed, true);
            System.out.printf(
                    Locale.ROOT,
                    "copying miner, commit-reveal, seed %d: copier / original %.3f, copier / twin %.3f,"
                            + " original / twin %.3f, copier / honest miner of the copier's accuracy %.3f%n",
                    seed,
                    e[COPIER] / e[ORIGINAL],
                    e[COPIER] / e[TWIN],
                    e[ORIGINAL] / e[TWIN],
                    e[COPIER] / e[STALE_TWIN]);
            assertTrue(e[COPIER] <= 0.9 * e[ORIGINAL], "the copier earned " + e[COPIER] / e[ORIGINAL]);
            assertTrue(e[COPIER] <= 0.9 * e[TWIN], "the copier earned " + e[COPIER] / e[TWIN] + " of the twin");
            assertTrue(
                    e[COPIER] <= 1.05 * e[STALE_TWIN],
                    "copying bought more than the accuracy it delivers: " + e[COPIER] / e[STALE_TWIN]);
        }
    }

    @Test
    void withoutCommitRevealTheCopierEarnsWhatTheOriginalEarns() {
        for (long seed : SEEDS) {
            double[] e = emission(seed, false);
            System.out.printf(
                    Locale.ROOT,
                    "copying miner, no commit-reveal, seed %d: copier / original %.3f, copier / twin %.3f%n",
                    seed,
                    e[COPIER] / e[ORIGINAL],
                    e[COPIER] / e[TWIN]);
            assertEquals(e[ORIGINAL], e[COPIER], 0.0, "the same answers, in time, score the same");
        }
    }
}
