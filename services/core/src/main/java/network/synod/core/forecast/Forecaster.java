package network.synod.core.forecast;

/** A model that predicts the next value of a series from a {@link ForecastContext}. */
public interface Forecaster {

    /** The worker name this forecaster registers under. */
    String name();

    /** The fewest revealed values this forecaster needs to answer. */
    int minimumHistory(int season);

    /** The prediction for {@code context.step()}; throws {@link IllegalArgumentException} if the window is too short. */
    double predict(ForecastContext context);

    /** Learns from a value once the network has revealed it; stateless forecasters ignore it. */
    default void observe(ForecastContext context, double revealed) {}
}
