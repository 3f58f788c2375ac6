package network.synod.worker.model;

import java.util.Arrays;
import java.util.List;

/** A tensor's name, datatype and shape as OIP model metadata lists them (-1 = variable). */
public record TensorSpec(String name, String datatype, List<Long> shape) {

    public static TensorSpec fp64(String name, long... shape) {
        return new TensorSpec(name, "FP64", Arrays.stream(shape).boxed().toList());
    }

    public static TensorSpec bytes(String name, long... shape) {
        return new TensorSpec(
                name, BytesTensor.BYTES, Arrays.stream(shape).boxed().toList());
    }
}
