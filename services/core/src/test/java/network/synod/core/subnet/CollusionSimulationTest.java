package network.synod.core.subnet;

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
 * A cabal of validators holding less than half of the stake colludes on one miner, and cannot lift its consensus
 * above what the honest validators give it. Ten validators: the first three collude, sharing a fraction f of the
 * stake (random shares), the other seven are honest with random stakes; 40 miners of {@link DriftingQuality}
 * (drift 0.02, transient 0.05, measurement noise 0.10, so the honest weights on a miner spread). The target is the
 * miner of lowest starting skill. Two cabal strategies ({@link ValidatorStrategy.Collude}): all weight on the
 * target, or honest weights with the target scored as the best miner. Commit-reveal is off, so the rows the chain
 * stores after an epoch are the ones it used, and the test reads them back.
 *
 * <p>The bound checked in every epoch, from κ alone: the consensus C of a column is a value that at least κ of
 * the active stake weights at C or above (the stake-weighted median, README). The cabal holds f < κ, so honest
 * validators holding at least κ − f weight the target at C or above: C is at most the (κ − f)-upper quantile of
 * the honest weights, B, and so at most the largest honest weight. B is computed here from the stored rows, in
 * double, with a slack of 10⁻⁶ in stake and 10⁻⁹ in weight for the I32F32 rounding. The twin run (the same seed,
 * the cabal measuring and weighting honestly) gives the target's consensus without the cabal's push.
 *
 * <p>Measured over f ∈ {0.10, 0.25, 0.40, 0.45, 0.49}, 4 seeds, 2 strategies, 100 epochs each (4,000 epochs):
 * the bound is never exceeded; the largest ratio of the target's consensus to the largest honest weight on it is
 * 1.000 (reached: as f nears κ, B nears the largest honest weight). The cabal does move the target's consensus
 * within the honest spread: its mean over the epochs is 0.0186 in the twin run, 0.0192 at f = 0.10 and 0.0238 at
 * f = 0.49, the same for both strategies (the cabal's weight is above every honest one either way, and the median
 * only reads the order). It pays for it: all weight on the target leaves the cabal 2–3 % of an honest validator's
 * dividends per unit of stake (its other weight is gone, the target's is clipped); scoring the target best and
 * the rest honestly costs it little (0.98–1.00). With f = 0.55 the cabal's weight becomes the consensus in every
 * epoch and the bound fails, so the test can tell.
 */
class CollusionSimulationTest {

    static final int VALIDATORS = 10;
    static final int CABAL = 3;
    static final int MINERS = 40;
    static final int EPOCHS = 100;
    static final long TOTAL_STAKE = 10_000_000_000_000L;
    static final double KAPPA = 32767 / 65535.0;
    static final double[] MINORITY_SPLITS = {0.10, 0.25, 0.40, 0.45, 0.49};
    static final long[] SEEDS = {11, 12, 13, 14};

    /** What one run measured about the target. */
    record Outcome(
            int epochs,
            int aboveBound,
            int aboveHonestMax,
            double maxOverHonestMax,
            double meanConsensus,
            double meanTwinConsensus,
            double cabalDividendsPerStake) {}

    @Test
    void aMinorityCabalCannotLiftConsensusAboveTheHonestWeights() {
        double worstOverHonestMax = 0;
        int epochs = 0;
        for (double f : MINORITY_SPLITS) {
            for (boolean keepOthers : new boolean[] {false, true}) {
                double consensus = 0;
                double twin = 0;
                double dividends = 0;
                for (long seed : SEEDS) {
                    Outcome o = run(seed, f, keepOthers);
                    epochs += o.epochs();
                    worstOverHonestMax = Math.max(worstOverHonestMax, o.maxOverHonestMax());
                    assertTrue(o.aboveBound() == 0, o.aboveBound() + " epochs above the honest bound, f = " + f);
                    assertTrue(o.aboveHonestMax() == 0, "above the largest honest weight, f = " + f);
                    consensus += o.meanConsensus() / SEEDS.length;
                    twin += o.meanTwinConsensus() / SEEDS.length;
                    dividends += o.cabalDividendsPerStake() / SEEDS.length;
                }
                System.out.printf(
                        Locale.ROOT,
                        "collusion f=%.2f %s: target's mean consensus %.4f (cabal honest: %.4f); cabal dividends per"
                                + " stake / honest %.3f%n",
                        f,
                        keepOthers ? "(target scored best)" : "(all weight on target)",
                        consensus,
                        twin,
                        dividends);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "collusion: %d epochs, none above the bound; largest consensus / largest honest weight %.3f%n",
                epochs,
                worstOverHonestMax);
        assertTrue(worstOverHonestMax <= 1 + 1e-6);
    }

    @Test
    void aMajorityCabalDoesLiftIt() {
        Outcome o = run(SEEDS[0], 0.55, false);
        System.out.printf(
                Locale.ROOT,
                "collusion f=0.55: %d of %d epochs above the largest honest weight%n",
                o.aboveHonestMax(),
                o.epochs());
        assertTrue(o.aboveHonestMax() > o.epochs() * 9 / 10, "a majority cabal should set the consensus");
    }

    static Outcome run(long seed, double f, boolean keepOthers) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + Math.round(f * 1000));
        long[] stake = split(random, f);
        DriftingQuality world = new DriftingQuality(seed, VALIDATORS, MINERS, 0.02, 0.05, 0.10);
        DriftingQuality twinWorld = new DriftingQuality(seed, VALIDATORS, MINERS, 0.02, 0.05, 0.10);
        // The target: the miner of the tenth-lowest starting skill of 40 (a weak miner the cabal wants paid).
        Integer[] bySkill = new Integer[MINERS];
        for (int j = 0; j < MINERS; j++) {
            bySkill[j] = j;
        }
        Arrays.sort(bySkill, (a, b) -> Double.compare(world.quality(a), world.quality(b)));
        int target = bySkill[9];
        List<ValidatorStrategy> cabal = new ArrayList<>();
        List<ValidatorStrategy> honest = new ArrayList<>();
        for (int i = 0; i < VALIDATORS; i++) {
            cabal.add(i < CABAL ? new ValidatorStrategy.Collude(target, keepOthers) : new ValidatorStrategy.Honest());
            honest.add(new ValidatorStrategy.Honest());
        }
        YumaParams p = SubnetSimulation.Setup.defaults(VALIDATORS, MINERS);
        SubnetSimulation sim = new SubnetSimulation(new SubnetSimulation.Setup(p, stake, MINERS, false, cabal), world);
        SubnetSimulation twin =
                new SubnetSimulation(new SubnetSimulation.Setup(p, stake, MINERS, false, honest), twinWorld);
        double cabalShare = 0;
        for (int i = 0; i < CABAL; i++) {
            cabalShare += stake[i] / (double) TOTAL_STAKE;
        }
        int aboveBound = 0;
        int aboveMax = 0;
        double maxOverHonestMax = 0;
        double sumConsensus = 0;
        double sumTwin = 0;
        double cabalDividends = 0;
        double honestDividends = 0;
        int t = VALIDATORS + target;
        for (int e = 0; e < EPOCHS; e++) {
            EpochResult r = sim.step();
            EpochResult rt = twin.step();
            double consensus = r.consensus()[t] / (double) (1L << 32);
            double[] weight = new double[VALIDATORS];
            double honestMax = 0;
            for (int i = CABAL; i < VALIDATORS; i++) {
                weight[i] = sim.normalisedWeights(i)[target];
                honestMax = Math.max(honestMax, weight[i]);
            }
            double bound = upperQuantile(stake, weight, KAPPA - cabalShare - 1e-6);
            if (consensus > bound + 1e-9) {
                aboveBound++;
            }
            if (consensus > honestMax + 1e-9) {
                aboveMax++;
            }
            if (honestMax > 0) {
                maxOverHonestMax = Math.max(maxOverHonestMax, consensus / honestMax);
            }
            sumConsensus += consensus;
            sumTwin += rt.consensus()[t] / (double) (1L << 32);
            for (int i = 0; i < VALIDATORS; i++) {
                if (i < CABAL) {
                    cabalDividends += r.dividends()[i];
                } else {
                    honestDividends += r.dividends()[i];
                }
            }
        }
        double perStake = (cabalDividends / cabalShare) / (honestDividends / (1 - cabalShare));
        return new Outcome(
                EPOCHS, aboveBound, aboveMax, maxOverHonestMax, sumConsensus / EPOCHS, sumTwin / EPOCHS, perStake);
    }

    /**
     * The largest honest weight w such that honest validators holding at least {@code level} of the total stake
     * weight the target at w or above.
     */
    static double upperQuantile(long[] stake, double[] weight, double level) {
        Integer[] order = new Integer[VALIDATORS - CABAL];
        for (int k = 0; k < order.length; k++) {
            order[k] = CABAL + k;
        }
        Arrays.sort(order, (a, b) -> Double.compare(weight[b], weight[a]));
        double held = 0;
        for (int i : order) {
            held += stake[i] / (double) TOTAL_STAKE;
            if (held >= level) {
                return weight[i];
            }
        }
        return 0;
    }

    /** The cabal's three shares of f and the seven honest shares of 1 − f, each random, in rao. */
    static long[] split(SplittableRandom random, double f) {
        long[] stake = new long[VALIDATORS];
        double[] share = new double[VALIDATORS];
        double cabal = 0;
        double honest = 0;
        for (int i = 0; i < VALIDATORS; i++) {
            share[i] = 0.5 + random.nextDouble();
            if (i < CABAL) {
                cabal += share[i];
            } else {
                honest += share[i];
            }
        }
        for (int i = 0; i < VALIDATORS; i++) {
            double s = i < CABAL ? f * share[i] / cabal : (1 - f) * share[i] / honest;
            stake[i] = (long) Math.floor(s * TOTAL_STAKE);
        }
        return stake;
    }
}
