package network.synod.core.subnet;

import java.util.SplittableRandom;

/**
 * Miners whose quality moves: each epoch every miner's skill takes a Gaussian step of {@code drift} (reflected
 * into [0.05, 1]), and its performance this epoch is that skill plus a Gaussian {@code transient} of this epoch
 * alone (this epoch's tasks suit it or not), the same for every validator because they all score the same answers.
 * Each validator then measures that performance with its own Gaussian noise of {@code noise} (its sample of the
 * tasks), floored at 0: the honest validators agree on the picture and disagree in the details.
 */
final class DriftingQuality implements World {

    private static final double LOW = 0.05;
    private static final double HIGH = 1.0;

    private final SplittableRandom random;
    private final double drift;
    private final double transientNoise;
    private final double noise;
    private final double[] quality;
    private final double[] performance;
    private final double[][] observed;

    DriftingQuality(long seed, int validators, int miners, double drift, double transientNoise, double noise) {
        this.random = new SplittableRandom(seed);
        this.drift = drift;
        this.transientNoise = transientNoise;
        this.noise = noise;
        this.quality = new double[miners];
        this.performance = new double[miners];
        this.observed = new double[validators][miners];
        for (int j = 0; j < miners; j++) {
            quality[j] = 0.2 + 0.8 * random.nextDouble();
        }
    }

    @Override
    public void advance(int epoch) {
        if (epoch > 0) {
            for (int j = 0; j < quality.length; j++) {
                quality[j] = reflect(quality[j] + drift * random.nextGaussian());
            }
        }
        for (int j = 0; j < quality.length; j++) {
            performance[j] = quality[j] + transientNoise * random.nextGaussian();
        }
        for (double[] row : observed) {
            for (int j = 0; j < quality.length; j++) {
                row[j] = Math.max(0, performance[j] + noise * random.nextGaussian());
            }
        }
    }

    @Override
    public double[] observe(int validator) {
        return observed[validator].clone();
    }

    /** Miner {@code j}'s skill this epoch. */
    double quality(int j) {
        return quality[j];
    }

    /** Miner {@code j}'s performance this epoch (skill and transient, before the validators' noise). */
    double performance(int j) {
        return performance[j];
    }

    private static double reflect(double q) {
        double x = q;
        while (x < LOW || x > HIGH) {
            x = x < LOW ? 2 * LOW - x : 2 * HIGH - x;
        }
        return x;
    }
}
