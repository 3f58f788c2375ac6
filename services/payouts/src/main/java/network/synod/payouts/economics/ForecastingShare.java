package network.synod.payouts.economics;

/**
 * How much of the workers' reward goes to forecasting (allora.md §4.3, {@code GetChiAndGamma}):
 * {@code τ_i = α·(T_i − min(0, max_j T_ij)) / |max_j T_ij| + (1 − α)·τ_{i−1}}, χ piecewise in τ (0.1 … 0.5), and
 * {@code γ = (F + G) / ((1 − χ)F + χG)} so that the two worker pots together keep their entropy share.
 */
public final class ForecastingShare {

    private ForecastingShare() {}

    public record Result(double tau, double chi, double gamma) {}

    /**
     * @param forecastingScore {@code T_i}: naive log-loss minus combined log-loss (positive when forecasting helps)
     * @param maxInfererScore  the best inferer's one-out score this epoch
     */
    public static Result of(
            double forecastingScore,
            double maxInfererScore,
            double previousTau,
            double alpha,
            double inferenceEntropy,
            double forecastEntropy) {
        double denominator = Math.abs(maxInfererScore);
        double ratio = denominator < RewardFractions.EPSILON
                ? 0
                : (forecastingScore - Math.min(0, maxInfererScore)) / denominator;
        double tau = alpha * ratio + (1 - alpha) * previousTau;
        double chi = tau < 0 ? 0.1 : tau < 1 ? 0.4 * tau + 0.1 : 0.5;
        double weighted = (1 - chi) * inferenceEntropy + chi * forecastEntropy;
        double gamma = weighted <= 0 ? 1 : (inferenceEntropy + forecastEntropy) / weighted;
        return new Result(tau, chi, gamma);
    }
}
