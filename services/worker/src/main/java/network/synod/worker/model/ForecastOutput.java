package network.synod.worker.model;

/** The inferer's answer tensor: {@code forecast}, FP64, shape [1]. */
final class ForecastOutput {

    private ForecastOutput() {}

    static Tensor of(double forecast) {
        return new Tensor("forecast", "FP64", new long[] {1}, new double[] {forecast});
    }
}
