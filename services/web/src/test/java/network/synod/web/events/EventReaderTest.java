package network.synod.web.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import network.synod.core.events.QuarantineOrder;

class EventReaderTest {

    private final EventReader reader = new EventReader(JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build());

    @Test
    void aRecordOfAKnownVersionIsRead() {
        assertEquals(
                Optional.of(new QuarantineOrder(1, "demo", "w", "why", 7L)),
                reader.read(
                        "{\"schemaVersion\":1,\"topic\":\"demo\",\"worker\":\"w\",\"reason\":\"why\",\"verdictId\":7,"
                                + "\"addedLater\":true}",
                        QuarantineOrder.class));
    }

    @Test
    void anUnversionedRecordIsReadAsVersionOne() {
        assertEquals(
                1,
                reader.read("{\"topic\":\"demo\",\"worker\":\"w\"}", QuarantineOrder.class)
                        .orElseThrow()
                        .schemaVersion());
    }

    @Test
    void aNewerVersionMalformedJsonAndNullAreSkipped() {
        assertTrue(reader.read("{\"schemaVersion\":2,\"topic\":\"demo\",\"worker\":\"w\"}", QuarantineOrder.class)
                .isEmpty());
        assertTrue(reader.read("{\"topic\":", QuarantineOrder.class).isEmpty());
        assertTrue(reader.read("null", QuarantineOrder.class).isEmpty());
        assertTrue(
                reader.read("{\"verdictId\":\"seven\"}", QuarantineOrder.class).isEmpty());
    }
}
