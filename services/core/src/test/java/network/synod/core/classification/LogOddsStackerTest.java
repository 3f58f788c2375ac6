package network.synod.core.classification;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class LogOddsStackerTest {

    @Test
    void startsAsTheGeometricMeanOfTheWorkers() {
        LogOddsStacker s = LogOddsStacker.withDefaults(2, 2);
        double[] q = s.combine(new double[][] {{0.9, 0.1}, {0.6, 0.4}});
        // sqrt(0.9*0.6) : sqrt(0.1*0.4), normalised
        double a = Math.sqrt(0.54);
        double b = Math.sqrt(0.04);
        assertArrayEquals(new double[] {a / (a + b), b / (a + b)}, q, 1e-12);
    }

    /**
     * Two workers that each see a different half of the evidence: the stack learns to add their log-odds and beats
     * both on log-loss; a third that answers at random loses weight.
     */
    @Test
    void learnsToCombineComplementaryWorkersAndDropsNoise() {
        SplittableRandom random = new SplittableRandom(7);
        LogOddsStacker s = LogOddsStacker.withDefaults(2, 3);
        double[] loss = new double[4];
        int scored = 0;
        for (int t = 0; t < 4000; t++) {
            int y = random.nextInt(2);
            double sign = y == 1 ? 1 : -1;
            double e1 = sign + random.nextGaussian();
            double e2 = sign + random.nextGaussian();
            double[][] answers = {binary(2 * e1), binary(2 * e2), binary(random.nextGaussian() * 3)};
            double[] q = s.combine(answers);
            if (t >= 1000) {
                for (int i = 0; i < 3; i++) {
                    loss[i] -= Math.log(answers[i][y]);
                }
                loss[3] -= Math.log(q[y]);
                scored++;
            }
            s.learn(answers, y);
        }
        double best = Math.min(loss[0], Math.min(loss[1], loss[2])) / scored;
        assertTrue(loss[3] / scored < best - 0.05, "network " + loss[3] / scored + " vs best worker " + best);
        double[] w = s.weights();
        assertTrue(Math.abs(w[2]) < 0.1 * Math.min(w[0], w[1]), "the noise worker keeps weight " + w[2]);
    }

    @Test
    void refusesAnswersOfTheWrongSize() {
        LogOddsStacker s = LogOddsStacker.withDefaults(2, 2);
        assertEquals(
                "expected 2 answers, got 1",
                org.junit.jupiter.api.Assertions.assertThrows(
                                IllegalArgumentException.class, () -> s.combine(new double[][] {{0.5, 0.5}}))
                        .getMessage());
    }

    /** p(label 1) = sigmoid(logOdds). */
    private static double[] binary(double logOdds) {
        double p = 1 / (1 + Math.exp(-logOdds));
        return new double[] {1 - p, p};
    }
}
