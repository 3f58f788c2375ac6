package network.synod.web.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

class TracingSwitchTest {

    /** The configuration a service sees, with Quarkus's default endpoint as a built-in default. */
    private static SmallRyeConfig config(Map<String, String> configured) {
        return new SmallRyeConfigBuilder()
                .withDefaultValue("quarkus.otel.exporter.otlp.traces.endpoint", "http://localhost:4317/")
                .withSources(new PropertiesConfigSource(configured, "configured", 300))
                .withSources(new TracingSwitch())
                .build();
    }

    @Test
    void aBuiltInDefaultEndpointDoesNotCountAndAConfiguredOneDoes() {
        assertEquals("true", config(Map.of()).getRawValue("quarkus.otel.sdk.disabled"));
        SmallRyeConfig on = config(
                Map.of("otel.exporter.otlp.endpoint", "http://c:4318", "otel.exporter.otlp.protocol", "http/protobuf"));
        assertEquals("false", on.getRawValue("quarkus.otel.sdk.disabled"));
        assertEquals("http://c:4318", on.getRawValue("quarkus.otel.exporter.otlp.traces.endpoint"));
        assertEquals("http/protobuf", on.getRawValue("quarkus.otel.exporter.otlp.traces.protocol"));
        // An explicit setting wins over the switch.
        assertEquals(
                "true",
                config(Map.of(
                                "quarkus.otel.exporter.otlp.endpoint",
                                "http://c:4317",
                                "quarkus.otel.sdk.disabled",
                                "true"))
                        .getRawValue("quarkus.otel.sdk.disabled"));
    }

    @Test
    void withoutAnEndpointTheSdkIsOff() {
        assertEquals(
                Map.of("quarkus.otel.sdk.disabled", "true"), TracingSwitch.properties(Map.<String, String>of()::get));
        assertEquals(
                Map.of("quarkus.otel.sdk.disabled", "true"),
                TracingSwitch.properties(Map.of("otel.exporter.otlp.endpoint", " ")::get));
    }

    @Test
    void quarkusOwnEndpointTurnsItOn() {
        assertEquals(
                Map.of("quarkus.otel.sdk.disabled", "false"),
                TracingSwitch.properties(Map.of("quarkus.otel.exporter.otlp.endpoint", "http://c:4317")::get));
        assertEquals(
                Map.of("quarkus.otel.sdk.disabled", "false"),
                TracingSwitch.properties(Map.of("quarkus.otel.exporter.otlp.traces.endpoint", "http://c:4317")::get));
    }

    @Test
    void theStandardVariablesAreHandedOn() {
        assertEquals(
                Map.of(
                        "quarkus.otel.sdk.disabled",
                        "false",
                        "quarkus.otel.exporter.otlp.traces.endpoint",
                        "http://c:4318",
                        "quarkus.otel.exporter.otlp.traces.protocol",
                        "http/protobuf"),
                TracingSwitch.properties(
                        Map.of(
                                "otel.exporter.otlp.endpoint",
                                "http://c:4318",
                                "otel.exporter.otlp.protocol",
                                "http/protobuf")::get));
    }

    @Test
    void quarkusOwnNamesWinOverTheStandardOnes() {
        assertEquals(
                Map.of("quarkus.otel.sdk.disabled", "false"),
                TracingSwitch.properties(Map.of(
                        "quarkus.otel.exporter.otlp.endpoint",
                        "http://a:4317",
                        "quarkus.otel.exporter.otlp.protocol",
                        "grpc",
                        "otel.exporter.otlp.endpoint",
                        "http://b:4318",
                        "otel.exporter.otlp.protocol",
                        "http/protobuf")::get));
    }
}
