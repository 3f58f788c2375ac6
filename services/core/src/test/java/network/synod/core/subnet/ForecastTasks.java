package network.synod.core.subnet;

import java.util.SplittableRandom;

/**
 * Miners answering forecasting tasks, some of them copying another miner's answers. Each epoch has {@code tasks}
 * tasks, each a random walk: its target moves by a Gaussian step of {@code step} per epoch. An honest miner of
 * skill σ answers each task with the target plus Gaussian noise of σ (a forecast made before the target is
 * known). A copier of miner o submits o's answers. Without commit-reveal it gets them in time and submits o's
 * answers to this epoch's tasks. With commit-reveal, answers are committed before the round's deadline and revealed
 * only after it, so the newest answers a copier can have are o's answers to the previous round, which it submits
 * for this one: its error is o's error plus the target's move in one epoch.
 *
 * <p>Each validator scores each miner on its own random half of the tasks (the queries it sampled): {@code 1 / (1
 * + mse)} over them.
 */
final class ForecastTasks implements World {

    private final SplittableRandom random;
    private final double[] skill;
    private final int[] copies;
    private final boolean commitReveal;
    private final double step;
    private final double[] target;
    private double[][] answers;
    private double[][] revealed;
    private final double[][] scores;

    /**
     * @param skill each miner's noise σ (ignored for a copier)
     * @param copies for each miner, −1 if it answers itself, else the index of the miner whose answers it copies
     */
    ForecastTasks(
            long seed, int validators, double[] skill, int[] copies, boolean commitReveal, int tasks, double step) {
        this.random = new SplittableRandom(seed);
        this.skill = skill.clone();
        this.copies = copies.clone();
        this.commitReveal = commitReveal;
        this.step = step;
        this.target = new double[tasks];
        this.answers = new double[skill.length][tasks];
        this.revealed = new double[skill.length][tasks];
        this.scores = new double[validators][skill.length];
    }

    @Override
    public void advance(int epoch) {
        int m = skill.length;
        int tasks = target.length;
        for (int k = 0; k < tasks; k++) {
            target[k] += step * random.nextGaussian();
        }
        // The answers of the previous round are revealed now; this round's are new.
        revealed = answers;
        answers = new double[m][tasks];
        double[][] noise = new double[m][tasks];
        for (int j = 0; j < m; j++) {
            for (int k = 0; k < tasks; k++) {
                noise[j][k] = random.nextGaussian();
            }
        }
        for (int j = 0; j < m; j++) {
            if (copies[j] < 0) {
                for (int k = 0; k < tasks; k++) {
                    answers[j][k] = target[k] + skill[j] * noise[j][k];
                }
            }
        }
        for (int j = 0; j < m; j++) {
            if (copies[j] >= 0) {
                // Before the first reveal a copier under commit-reveal has nothing to copy: it answers 0.
                double[] source = commitReveal ? revealed[copies[j]] : answers[copies[j]];
                answers[j] = source.clone();
            }
        }
        for (double[] row : scores) {
            boolean[] sampled = new boolean[tasks];
            for (int k = 0; k < tasks; k++) {
                sampled[k] = random.nextBoolean();
            }
            for (int j = 0; j < m; j++) {
                double sum = 0;
                int count = 0;
                for (int k = 0; k < tasks; k++) {
                    if (sampled[k]) {
                        double error = answers[j][k] - target[k];
                        sum += error * error;
                        count++;
                    }
                }
                row[j] = 1 / (1 + (count == 0 ? 0 : sum / count));
            }
        }
    }

    @Override
    public double[] observe(int validator) {
        return scores[validator].clone();
    }
}
