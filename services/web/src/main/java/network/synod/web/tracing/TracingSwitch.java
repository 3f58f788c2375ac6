package network.synod.web.tracing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Traces are exported by OTLP where an endpoint is configured, and are off otherwise (README "Tracing"): with no
 * endpoint the OpenTelemetry SDK is disabled ({@code quarkus.otel.sdk.disabled=true}), so no span is recorded and no
 * exporter tries to reach a collector that is not there. The endpoint is, first found first:
 * <ul>
 * <li>Quarkus's own {@code quarkus.otel.exporter.otlp.traces.endpoint} or {@code quarkus.otel.exporter.otlp.endpoint}
 * (e.g. {@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT});</li>
 * <li>the standard {@code OTEL_EXPORTER_OTLP_ENDPOINT} that every OpenTelemetry SDK reads and Quarkus ignores; it is
 * handed on as the Quarkus endpoint, and {@code OTEL_EXPORTER_OTLP_PROTOCOL} ({@code grpc} or {@code http/protobuf})
 * as the Quarkus protocol. Both are base URLs: for http/protobuf the exporter posts to {@code <endpoint>/v1/traces}.</li>
 * </ul>
 * An explicit {@code quarkus.otel.sdk.disabled} anywhere wins: this source ranks below every other but the built-in
 * defaults.
 */
public class TracingSwitch implements ConfigSourceFactory {

    /** The lowest ordinal of a source that holds configured values ({@code microprofile-config.properties}). */
    static final int CONFIGURED = 100;

    static final String DISABLED = "quarkus.otel.sdk.disabled";
    static final String ENDPOINT = "quarkus.otel.exporter.otlp.traces.endpoint";
    static final String PROTOCOL = "quarkus.otel.exporter.otlp.traces.protocol";
    static final String STANDARD_ENDPOINT = "otel.exporter.otlp.endpoint";
    static final String STANDARD_PROTOCOL = "otel.exporter.otlp.protocol";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        // Only values someone configured count: Quarkus's built-in defaults (an endpoint of http://localhost:4317
        // among them) come from sources ranked below every file, environment and system-property source.
        Map<String, String> props = properties(name -> {
            ConfigValue v = context.getValue(name);
            return v == null || v.getConfigSourceOrdinal() < CONFIGURED ? null : v.getValue();
        });
        return List.of(new MapBackedConfigSource("synod tracing switch", props, 1) {});
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(1);
    }

    /** What this source says, given the configured values (null where unset). */
    static Map<String, String> properties(Function<String, String> config) {
        Map<String, String> out = new LinkedHashMap<>();
        String own = first(config, ENDPOINT, "quarkus.otel.exporter.otlp.endpoint");
        String standard = first(config, STANDARD_ENDPOINT);
        out.put(DISABLED, Boolean.toString(own == null && standard == null));
        if (own == null && standard != null) {
            out.put(ENDPOINT, standard);
        }
        String protocol = first(config, STANDARD_PROTOCOL);
        if (protocol != null && first(config, PROTOCOL, "quarkus.otel.exporter.otlp.protocol") == null) {
            out.put(PROTOCOL, protocol);
        }
        return out;
    }

    private static String first(Function<String, String> config, String... names) {
        for (String name : names) {
            String v = config.apply(name);
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return null;
    }
}
