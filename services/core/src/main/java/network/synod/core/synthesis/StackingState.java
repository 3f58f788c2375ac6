package network.synod.core.synthesis;

import java.util.List;

/**
 * The synod combiner's learnt state: exponentially forgotten normal equations of a regression of the next
 * change (y − last) on each inferer's proposed change (I_j − last) plus an intercept, the robust residual
 * scale used to clip outliers, and the recent losses of the stacked and the Allora answers that pick between
 * them.
 *
 * @param members the inferer ids the matrices are indexed by (index 0 is the intercept, member i is i + 1)
 * @param gram Σ λ^age · x xᵀ, row-major, (n+1)²
 * @param moment Σ λ^age · x·d
 * @param observations scored epochs seen
 * @param residualScale a running robust scale of the stacked answer's residuals, 0 until known
 * @param stackedLoss the recent mean squared error of the stacked answer (EWMA)
 * @param alloraLoss the recent mean squared error of the Allora answer (EWMA)
 * @param residuals the network answer's recent residuals, newest last, for the confidence band
 */
public record StackingState(
        List<String> members,
        double[] gram,
        double[] moment,
        long observations,
        double residualScale,
        double stackedLoss,
        double alloraLoss,
        double[] residuals) {

    public static StackingState initial() {
        return new StackingState(List.of(), new double[] {0}, new double[] {0}, 0, 0, 0, 0, new double[0]);
    }

    public int dimension() {
        return members.size() + 1;
    }
}
