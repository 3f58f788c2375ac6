package network.synod.scoring;

import java.time.Instant;
import java.util.SortedMap;
import java.util.TreeMap;

import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig;

import network.synod.core.events.InferenceRecord;
import network.synod.core.synthesis.NetworkInference;
import network.synod.core.synthesis.Synthesizer;
import network.synod.core.synthesis.TopicParams;
import network.synod.core.synthesis.TopicState;

/** Inference records built with the core's own synthesis, as the gateway would build them. */
final class Fixtures {

    static final String ADMIN = "Bearer synod-admin";
    static final String REPUTER = "Bearer synod-reputer";
    static final String ALICE = "Bearer alice-token";
    static final String BOB = "Bearer bob-token";

    private Fixtures() {}

    /** RestAssured reads JSON fractions as floats by default; the service's numbers are doubles. */
    static void readNumbersAsDoubles() {
        RestAssured.config = RestAssured.config()
                .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    /** Three inferers around {@code last} and one forecaster, shifted by {@code epoch} so epochs differ. */
    static NetworkInference inference(TopicParams params, TopicState state, double last, long epoch) {
        SortedMap<String, Double> inferences = new TreeMap<>();
        inferences.put("last", last);
        inferences.put("trend", last + 1.5 + 0.1 * epoch);
        inferences.put("mean", last - 0.7 - 0.05 * epoch);
        SortedMap<String, Double> predicted = new TreeMap<>();
        predicted.put("last", -0.2);
        predicted.put("trend", 0.3);
        predicted.put("mean", 0.1);
        SortedMap<String, SortedMap<String, Double>> forecasts = new TreeMap<>();
        forecasts.put("loss-forecaster", predicted);
        return Synthesizer.infer(params, state, last, inferences, forecasts);
    }

    static InferenceRecord record(String topic, long epoch, NetworkInference inference) {
        return new InferenceRecord(
                "req-" + topic + "-" + epoch, topic, epoch, Instant.now().toString(), inference, new TreeMap<>());
    }
}
