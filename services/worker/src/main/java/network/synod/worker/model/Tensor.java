package network.synod.worker.model;

/** A request or response tensor of FP64 values, flattened row-major. */
public record Tensor(String name, String datatype, long[] shape, double[] data) {}
