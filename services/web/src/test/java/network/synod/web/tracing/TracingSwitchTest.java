package network.synod.web.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

class TracingSwitchTest {

    @Test
    void withoutAnEndpointTheSdkIsOff() {
        assertEquals(Map.of("quarkus.otel.sdk.disabled", "true"), TracingSwitch.properties(Map.<String, String>of()::get));
        assertEquals(Map.of("quarkus.otel.sdk.disabled", "true"),
                TracingSwitch.properties(Map.of("otel.exporter.otlp.endpoint", " ")::get));
    }

    @Test
    void quarkusOwnEndpointTurnsItOn() {
        assertEquals(Map.of("quarkus.otel.sdk.disabled", "false"),
                TracingSwitch.properties(Map.of("quarkus.otel.exporter.otlp.endpoint", "http://c:4317")::get));
        assertEquals(Map.of("quarkus.otel.sdk.disabled", "false"), TracingSwitch.properties(
                Map.of("quarkus.otel.exporter.otlp.traces.endpoint", "http://c:4317")::get));
    }

    @Test
    void theStandardVariablesAreHandedOn() {
        assertEquals(Map.of("quarkus.otel.sdk.disabled", "false",
                "quarkus.otel.exporter.otlp.traces.endpoint", "http://c:4318",
                "quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf"),
                TracingSwitch.properties(Map.of("otel.exporter.otlp.endpoint", "http://c:4318",
                        "otel.exporter.otlp.protocol", "http/protobuf")::get));
    }

    @Test
    void quarkusOwnNamesWinOverTheStandardOnes() {
        assertEquals(Map.of("quarkus.otel.sdk.disabled", "false"),
                TracingSwitch.properties(Map.of("quarkus.otel.exporter.otlp.endpoint", "http://a:4317",
                        "quarkus.otel.exporter.otlp.protocol", "grpc",
                        "otel.exporter.otlp.endpoint", "http://b:4318",
                        "otel.exporter.otlp.protocol", "http/protobuf")::get));
    }
}
