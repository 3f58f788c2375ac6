package network.synod.worker.oip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import network.synod.worker.model.TensorSpec;

/** The parser's datatypes besides FP64: BYTES, FP32 and INT64, each checked with a message that names the fault. */
class InferenceRequestParserTest {

    private static final List<TensorSpec> DECLARED = List.of(
            TensorSpec.bytes("text", -1),
            new TensorSpec("counts", "INT64", List.of(-1L)),
            new TensorSpec("scores", "FP32", List.of(-1L)));

    private final InferenceRequestParser parser = new InferenceRequestParser(100);

    private InferenceRequestParser.Parsed parse(String inputs) {
        return parser.parse(("{\"inputs\": [" + inputs + "]}").getBytes(StandardCharsets.UTF_8), DECLARED);
    }

    private void refused(String inputs, String message) {
        OipException e = assertThrows(OipException.class, () -> parse(inputs));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    private static final String TEXT =
            "{\"name\": \"text\", \"datatype\": \"BYTES\", \"shape\": [2], \"data\": [\"a\", \"é\"]}";

    @Test
    void readsEachDatatype() {
        InferenceRequestParser.Parsed p = parse(TEXT
                + ", {\"name\": \"counts\", \"datatype\": \"INT64\", \"shape\": [2], \"data\": [3, -9007199254740992]}"
                + ", {\"name\": \"scores\", \"datatype\": \"FP32\", \"shape\": [1], \"data\": [0.1]}");
        assertEquals(List.of("a", "é"), p.input().texts().get("text").data());
        assertArrayEquals(
                new double[] {3, -9007199254740992.0},
                p.input().tensors().get("counts").data());
        assertEquals((double) 0.1f, p.input().tensors().get("scores").data()[0]);
        assertEquals(null, p.input().context(), "no window, no forecast context");
    }

    @Test
    void refusesWhatEachDatatypeCannotHold() {
        refused(
                "{\"name\": \"text\", \"datatype\": \"BYTES\", \"shape\": [3], \"data\": [\"a\", \"b\"]}",
                "has 2 values but shape [3] needs 3");
        refused("{\"name\": \"text\", \"datatype\": \"BYTES\", \"shape\": [1], \"data\": [null]}", "not a string");
        refused("{\"name\": \"text\", \"datatype\": \"BYTES\", \"shape\": [0], \"data\": []}", "shape [n] with n >= 1");
        refused(
                TEXT + ", {\"name\": \"counts\", \"datatype\": \"INT64\", \"shape\": [1], \"data\": [1.5]}",
                "not an integer");
        refused(
                TEXT
                        + ", {\"name\": \"counts\", \"datatype\": \"INT64\", \"shape\": [1], \"data\": [9007199254740993]}",
                "within ±2^53");
        refused(
                TEXT + ", {\"name\": \"scores\", \"datatype\": \"FP32\", \"shape\": [1], \"data\": [1e39]}",
                "out of float range");
        refused(
                TEXT + ", {\"name\": \"scores\", \"datatype\": \"FP64\", \"shape\": [1], \"data\": [1]}",
                "has datatype FP64; this model takes FP32");
        refused(
                TEXT + ", {\"name\": \"extra\", \"datatype\": \"INT8\", \"shape\": [1], \"data\": [1]}",
                "datatype INT8; the datatypes served are BYTES, FP64, FP32, INT64");
        refused(
                "{\"name\": \"counts\", \"datatype\": \"INT64\", \"shape\": [1], \"data\": [1]}",
                "no input named 'text'");
    }
}
