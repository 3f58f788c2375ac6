package network.synod.worker.model;

import java.util.List;

/** A BYTES tensor of strings (OIP's JSON form: each element a string), flattened row-major. */
public record BytesTensor(String name, String datatype, long[] shape, List<String> data) {

    public static final String BYTES = "BYTES";

    public BytesTensor(String name, long[] shape, List<String> data) {
        this(name, BYTES, shape, List.copyOf(data));
    }
}
