package network.synod.core.events;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import network.synod.core.refusal.Refusal;

/**
 * Records as the services wrote them before {@code schemaVersion} existed (copied from the Kafka topics of that
 * version, not produced by this code) still read, as version 1; the current form round-trips; a newer version is
 * refused rather than guessed at.
 */
class WireContractsTest {

    /** As Quarkus configures its mapper: fields a reader does not know are ignored. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Test
    void anUnversionedEpochScoresRecordReadsAsVersionOne() throws Exception {
        EpochScoresEvent e = JSON.readValue("""
                {"topic":"demo","epoch":13,"inferers":[{"id":"ema","score":0.25},{"id":"last","score":-0.5}],
                 "forecasters":[],"reputers":[{"id":"reputer","score":1.0}],"combinedLoss":0.031,"naiveLoss":0.044}
                """, EpochScoresEvent.class);
        assertEquals(1, e.schemaVersion());
        assertEquals("demo", e.topic());
        assertEquals(13L, e.epoch());
        assertEquals(
                List.of(
                        new EpochScoresEvent.ParticipantScore("ema", 0.25),
                        new EpochScoresEvent.ParticipantScore("last", -0.5)),
                e.inferers());
        assertEquals(0.044, e.naiveLoss());
    }

    @Test
    void aMissingEpochStaysMissingSoPayoutsCanRefuseIt() throws Exception {
        EpochScoresEvent e = JSON.readValue("{\"topic\":\"demo\"}", EpochScoresEvent.class);
        assertNull(e.epoch());
    }

    @Test
    void anUnversionedFraudEventReadsAsVersionOne() throws Exception {
        FraudEvent e = JSON.readValue("""
                {"eventId":"verification:7","topic":"demo","offender":"cheat","prover":"verification",
                 "reason":"output-mismatch","evidence":{"verdict":"http://127.0.0.1:8083/v1/verdicts/7",
                 "verdictId":7,"requestId":"r-1","details":{"claimed":1.5,"reexecuted":1.25}}}
                """, FraudEvent.class);
        assertEquals(1, e.schemaVersion());
        assertEquals("cheat", e.offender());
        assertEquals(7L, e.evidence().verdictId());
        assertEquals(Map.of("claimed", 1.5, "reexecuted", 1.25), e.evidence().details());
    }

    @Test
    void anUnversionedQuarantineOrderReadsAsVersionOne() throws Exception {
        QuarantineOrder o = JSON.readValue("""
                {"topic":"demo","worker":"cheat","reason":"output-mismatch: http://v/v1/verdicts/7","verdictId":7}
                """, QuarantineOrder.class);
        assertEquals(new QuarantineOrder(1, "demo", "cheat", "output-mismatch: http://v/v1/verdicts/7", 7L), o);
    }

    @Test
    void anInferenceRecordWrittenBeforeVerificationReadsAsVersionOne() throws Exception {
        InferenceRecord r = JSON.readValue("""
                {"requestId":"r-1","topic":"demo","epoch":13,"createdAt":"2026-11-30T10:00:00Z","inference":null,
                 "failures":{"slow":"timeout"}}
                """, InferenceRecord.class);
        assertEquals(1, r.schemaVersion());
        assertEquals(13, r.epoch());
        assertEquals("timeout", r.failures().get("slow"));
        assertNull(r.context());
    }

    @Test
    void anUnversionedWeightUpdateReadsAsVersionOne() throws Exception {
        WeightUpdate u = JSON.readValue("{\"topic\":\"demo\",\"epoch\":4,\"state\":null}", WeightUpdate.class);
        assertEquals(new WeightUpdate(1, "demo", 4, null), u);
    }

    @Test
    void theCurrentFormWritesItsVersionAndReadsBack() throws Exception {
        QuarantineOrder o = new QuarantineOrder("demo", "w", "why", 3L);
        JsonNode written = JSON.valueToTree(o);
        assertEquals(
                QuarantineOrder.SCHEMA_VERSION, written.path("schemaVersion").asInt());
        assertEquals(o, JSON.treeToValue(written, QuarantineOrder.class));
    }

    @Test
    void aVersionNewerThanTheReaderKnowsIsRefused() throws Exception {
        QuarantineOrder o =
                JSON.readValue("{\"schemaVersion\":2,\"topic\":\"demo\",\"worker\":\"w\"}", QuarantineOrder.class);
        Refusal r = assertThrows(
                Refusal.class,
                () -> SchemaVersions.requireKnown(
                        "quarantine order", o.schemaVersion(), QuarantineOrder.SCHEMA_VERSION));
        assertTrue(r.getMessage().contains("schema version 2"), r.getMessage());
        SchemaVersions.requireKnown("quarantine order", 1, QuarantineOrder.SCHEMA_VERSION);
    }

    @Test
    void theOipRequestIsPlainOip() throws Exception {
        InferRequest r = InferRequest.forWindow("r-1", 13, 12, new double[] {1.5, 2.5}, "commit")
                .withParameter("inferers", "a,b");
        JsonNode written = JSON.valueToTree(r);
        assertEquals("r-1", written.path("id").asText());
        assertEquals(13, written.path("parameters").path("step").asLong());
        assertEquals("commit", written.path("parameters").path("phase").asText());
        assertEquals("a,b", written.path("parameters").path("inferers").asText());
        JsonNode window = written.path("inputs").get(0);
        assertEquals("window", window.path("name").asText());
        assertEquals("FP64", window.path("datatype").asText());
        assertEquals(2, window.path("shape").get(0).asInt());
        assertArrayEquals(new double[] {1.5, 2.5}, JSON.treeToValue(window.path("data"), double[].class));
    }
}
