package network.synod.core.synthesis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;

/**
 * Synod's combiner: a robust, exponentially forgetting least-squares stack of the inferers. It regresses the
 * next change y − last on each inferer's proposed change I_j − last plus an intercept, so it can use workers
 * whose errors cancel (a seasonal lag against the last value, say) and a slow drift, which a convex
 * regret-weighted mean cannot. Residuals beyond a few robust scales are clipped before they are learnt, so a
 * burst of outliers bends it little. A guard answers with the Allora combination whenever that has been the
 * more accurate of the two recently, so the stack never costs much where it cannot help.
 */
public final class Stacker {

    /** Per-epoch forgetting of old observations: an effective memory of about 1 / (1 − λ) epochs. */
    static final double FORGET = 0.995;
    /** Ridge strength relative to the mean diagonal of the normal equations. */
    static final double RIDGE = 0.02;
    /** Residuals beyond this many robust scales are clipped before they are learnt. */
    static final double CLIP = 3.0;
    /** Memory of the guard's loss averages. */
    static final double GUARD_MEMORY = 0.97;
    /** Scored epochs before the stack may answer. */
    static final long WARM_UP = 20;
    /** Residuals kept for the confidence band. */
    static final int BAND_RESIDUALS = 200;

    private Stacker() {}

    /** The stacked answer, or null while it has too little history or its equations are singular. */
    public static Double stacked(StackingState s, double last, SortedMap<String, Double> inferences) {
        if (s.observations() < WARM_UP || !s.members().equals(new ArrayList<>(inferences.keySet()))) {
            return null;
        }
        double[] beta = solve(s);
        if (beta == null) {
            return null;
        }
        double[] x = features(last, inferences);
        return last + dot(beta, x);
    }

    /** The coefficients of the stack by inferer id (the intercept under {@code ""}), for reporting. */
    public static double[] coefficients(StackingState s) {
        return solve(s);
    }

    /** Whether the guard currently prefers the stacked answer over the Allora one. */
    public static boolean prefersStack(StackingState s) {
        return s.stackedLoss() < s.alloraLoss();
    }

    /** Learns one revealed epoch. */
    public static StackingState learn(
            StackingState state,
            double last,
            SortedMap<String, Double> inferences,
            Double stacked,
            double allora,
            double network,
            double truth) {
        StackingState s = remap(state, new ArrayList<>(inferences.keySet()));
        int n = s.dimension();
        double[] x = features(last, inferences);
        double d = truth - last;

        // Clip the target to a few robust scales around the current fit so one wild value cannot steer it.
        double[] beta = s.observations() >= WARM_UP ? solve(s) : null;
        double fit = beta == null ? 0 : dot(beta, x);
        double residual = d - fit;
        double scale = s.residualScale();
        double target = d;
        if (scale > 0 && Math.abs(residual) > CLIP * scale) {
            target = fit + Math.signum(residual) * CLIP * scale;
        }
        double absResidual = scale > 0 ? Math.min(Math.abs(residual), CLIP * scale) : Math.abs(residual);
        double nextScale = scale == 0 ? absResidual : 0.97 * scale + 0.03 * absResidual * 1.2533;

        double[] gram = s.gram().clone();
        double[] moment = s.moment().clone();
        for (int i = 0; i < n; i++) {
            moment[i] = FORGET * moment[i] + x[i] * target;
            for (int j = 0; j < n; j++) {
                gram[i * n + j] = FORGET * gram[i * n + j] + x[i] * x[j];
            }
        }

        double stackedError = stacked == null ? (allora - truth) : (stacked - truth);
        double alloraError = allora - truth;
        boolean first = s.observations() == 0;
        double stackedLoss = first
                ? stackedError * stackedError
                : GUARD_MEMORY * s.stackedLoss() + (1 - GUARD_MEMORY) * stackedError * stackedError;
        double alloraLoss = first
                ? alloraError * alloraError
                : GUARD_MEMORY * s.alloraLoss() + (1 - GUARD_MEMORY) * alloraError * alloraError;

        double[] residuals = appendBounded(s.residuals(), truth - network, BAND_RESIDUALS);
        return new StackingState(
                s.members(), gram, moment, s.observations() + 1, nextScale, stackedLoss, alloraLoss, residuals);
    }

    /** x = (1, I_1 − last, …, I_n − last). */
    static double[] features(double last, SortedMap<String, Double> inferences) {
        double[] x = new double[inferences.size() + 1];
        x[0] = 1;
        int i = 1;
        for (double v : inferences.values()) {
            x[i++] = v - last;
        }
        return x;
    }

    /** Re-indexes the equations when inferers join or leave: kept members keep their history, new ones start empty. */
    static StackingState remap(StackingState s, List<String> members) {
        if (s.members().equals(members)) {
            return s;
        }
        int n = members.size() + 1;
        int[] from = new int[n];
        from[0] = 0;
        for (int i = 0; i < members.size(); i++) {
            int old = s.members().indexOf(members.get(i));
            from[i + 1] = old < 0 ? -1 : old + 1;
        }
        int oldN = s.dimension();
        double[] gram = new double[n * n];
        double[] moment = new double[n];
        for (int i = 0; i < n; i++) {
            if (from[i] < 0) {
                continue;
            }
            moment[i] = s.moment()[from[i]];
            for (int j = 0; j < n; j++) {
                if (from[j] >= 0) {
                    gram[i * n + j] = s.gram()[from[i] * oldN + from[j]];
                }
            }
        }
        return new StackingState(
                List.copyOf(members),
                gram,
                moment,
                s.observations(),
                s.residualScale(),
                s.stackedLoss(),
                s.alloraLoss(),
                s.residuals());
    }

    /** β = (G + ρ·mean(diag G)·I)⁻¹ m by Cholesky; null if not positive definite. */
    static double[] solve(StackingState s) {
        int n = s.dimension();
        double[] a = s.gram().clone();
        double meanDiag = 0;
        for (int i = 0; i < n; i++) {
            meanDiag += a[i * n + i];
        }
        meanDiag /= n;
        if (!(meanDiag > 0)) {
            return null;
        }
        for (int i = 1; i < n; i++) {
            a[i * n + i] += RIDGE * meanDiag;
        }
        a[0] += 1e-9 * meanDiag;
        double[] l = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i * n + k] * l[j * n + k];
                }
                if (i == j) {
                    if (!(sum > 0)) {
                        return null;
                    }
                    l[i * n + i] = Math.sqrt(sum);
                } else {
                    l[i * n + j] = sum / l[j * n + j];
                }
            }
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = s.moment()[i];
            for (int k = 0; k < i; k++) {
                sum -= l[i * n + k] * y[k];
            }
            y[i] = sum / l[i * n + i];
        }
        double[] beta = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double sum = y[i];
            for (int k = i + 1; k < n; k++) {
                sum -= l[k * n + i] * beta[k];
            }
            beta[i] = sum / l[i * n + i];
        }
        return beta;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double[] appendBounded(double[] xs, double x, int max) {
        double[] out = xs.length < max ? Arrays.copyOf(xs, xs.length + 1) : Arrays.copyOfRange(xs, 1, xs.length + 1);
        out[out.length - 1] = x;
        return out;
    }
}
