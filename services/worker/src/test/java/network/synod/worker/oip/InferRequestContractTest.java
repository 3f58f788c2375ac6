package network.synod.worker.oip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import network.synod.core.events.InferRequest;

/** The request the gateway and the auditor send (core's {@link InferRequest}) is what the worker's parser reads. */
class InferRequestContractTest {

    private final InferenceRequestParser parser = new InferenceRequestParser(10_000);

    @Test
    void theWorkerReadsTheRequestAsItsClientsWriteIt() throws Exception {
        InferRequest sent = InferRequest.forWindow("r-9", 40, 12, new double[] {315.7, 317.5, 317.6}, "reveal")
                .withInput(InferRequest.Input.fp64("loss_history", new long[] {2, 2}, new double[] {-1, -2, -3, -4}))
                .withParameter("inferers", "ema,last");
        InferenceRequestParser.Parsed got = parser.parse(new ObjectMapper().writeValueAsBytes(sent));
        assertEquals("r-9", got.id());
        assertEquals("reveal", got.phase());
        assertEquals(40, got.input().context().step());
        assertEquals(12, got.input().context().season());
        assertArrayEquals(
                new double[] {315.7, 317.5, 317.6}, got.input().context().window());
        assertArrayEquals(
                new double[] {-1, -2, -3, -4},
                got.input().tensors().get("loss_history").data());
        assertArrayEquals(
                new long[] {2, 2}, got.input().tensors().get("loss_history").shape());
        assertEquals(List.of(), got.outputs());
    }
}
