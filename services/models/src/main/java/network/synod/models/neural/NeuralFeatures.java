package network.synod.models.neural;

/**
 * The scale-free inputs of the neural forecaster, computed from revealed values only.
 *
 * <p>Every feature is a difference of values divided by the recent mean absolute first difference, so
 * one network shape fits series of any level and unit. The target is the next first difference on the
 * same scale; the forecast adds it back to the last value.
 */
public final class NeuralFeatures {

    /** How many recent first differences the network sees. */
    static final int RECENT_DIFFS = 8;
    /** How many first differences the robust scale averages over. */
    static final int SCALE_SPAN = 32;
    /** Features and targets are clipped here so one outburst cannot dominate training. */
    static final double CLIP = 10.0;

    private final int season;

    /** Features for a topic with this season (0 = none). */
    public NeuralFeatures(int season) {
        if (season < 0) {
            throw new IllegalArgumentException("season must be >= 0, got " + season);
        }
        this.season = season;
    }

    public int season() {
        return season;
    }

    /** The number of inputs of the network. */
    public int size() {
        return RECENT_DIFFS + 2 + (season > 0 ? 4 : 0);
    }

    /** The fewest values before the forecast step that the features need. */
    public int lookback() {
        return Math.max(SCALE_SPAN + 1, season > 0 ? 2 * season + 1 : 0);
    }

    /** The mean absolute first difference of the last {@value #SCALE_SPAN} differences before {@code end}. */
    public double scale(double[] v, int end) {
        double sum = 0;
        for (int i = end - SCALE_SPAN; i < end; i++) {
            sum += Math.abs(v[i] - v[i - 1]);
        }
        double scale = sum / SCALE_SPAN;
        // A flat stretch has no scale; a tiny positive one keeps the arithmetic finite.
        return scale > 0 ? scale : 1e-9 * Math.max(1.0, Math.abs(v[end - 1]));
    }

    /** The inputs for forecasting {@code v[end]} from {@code v[0..end)}; needs {@code end >= lookback()}. */
    public float[] at(double[] v, int end) {
        double s = scale(v, end);
        double last = v[end - 1];
        float[] f = new float[size()];
        int i = 0;
        for (int k = 1; k <= RECENT_DIFFS; k++) {
            f[i++] = clip((v[end - k] - v[end - k - 1]) / s);
        }
        f[i++] = clip((mean(v, end, 5) - last) / s);
        f[i++] = clip((mean(v, end, 20) - last) / s);
        if (season > 0) {
            int m = season;
            // The same phase one and two seasons back: its step and its level against the last value.
            f[i++] = clip((v[end - m] - v[end - m - 1]) / s);
            f[i++] = clip((v[end - 2 * m] - v[end - 2 * m - 1]) / s);
            f[i++] = clip((v[end - m] - last) / s);
            f[i++] = clip((v[end - 2 * m] - last) / s);
        }
        return f;
    }

    /** The training target for {@code v[end]}: its first difference on the scale of {@link #at}. */
    public float target(double[] v, int end) {
        return clip((v[end] - v[end - 1]) / scale(v, end));
    }

    private static double mean(double[] v, int end, int k) {
        double sum = 0;
        for (int i = end - k; i < end; i++) {
            sum += v[i];
        }
        return sum / k;
    }

    private static float clip(double x) {
        return (float) Math.max(-CLIP, Math.min(CLIP, x));
    }
}
