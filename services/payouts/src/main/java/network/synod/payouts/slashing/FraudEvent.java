package network.synod.payouts.slashing;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/** What verification publishes on {@code synod.fraud-events} (docs/contracts.md). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FraudEvent(String eventId, String topic, String offender, String prover, String reason,
        JsonNode evidence) {
}
