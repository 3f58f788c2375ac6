package network.synod.core.synthesis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import network.synod.core.loss.LossFunction;

/**
 * A hand case checked against an independent implementation: src/test/resources/allora_reference_case.py
 * (three inferers, five epochs, α = 0.5 so actors are experienced after two inclusions). The expected
 * numbers below are that script's output.
 */
class AlloraReferenceCaseTest {

    private static final TopicParams PARAMS =
            new TopicParams(LossFunction.SQUARED, SynthesisMode.ALLORA, 0, 0.5, 3.0, 0.75, 1e-4, 1e-9);

    private static final double[][] INFERENCES = {
        {1.0, 2.0, 4.0}, {1.2, 2.1, 3.0}, {0.9, 1.8, 2.5}, {1.1, 1.6, 3.5}, {1.0, 1.9, 2.0}
    };
    private static final double[] TRUTH = {1.5, 1.4, 1.0, 1.2, 1.3};

    private static final double[] COMBINED = {
        2.333333333333333, 2.0999999999999996, 1.1038757720731487, 1.1234592647645585, 1.106898919240781
    };
    private static final double[] INITIAL_REGRET = {
        0.0, -1.4996968703158164, -2.9748651073350802, -3.934485292921511, -2.8701246482045795
    };
    private static final double[] SCALE = {
        0.0001, 0.8067352751621821, 0.9300678832144631, 1.591367486192796, 0.8949890531654859
    };
    private static final double[][] SCORES = {
        {0.5105450097742482, 0.1583624919041604, -8.841637508530134},
        {0.43119960012078373, 6.106226635438361e-16, -0.8943160566220418},
        {1.8443794006411762, -0.4084007037868358, -2.6157252179399575},
        {1.8731965225267764, 0.15603019251041683, 0.13056493603758934},
        {1.0039443646840551, 0.33698087525496767, 0.08455312623260292}
    };

    @Test
    void combinedInferenceRegretsAndScoresMatchTheIndependentScript() {
        RegretState state = RegretState.initial();
        for (int e = 0; e < TRUTH.length; e++) {
            SortedMap<String, Double> inf =
                    new TreeMap<>(Map.of("a", INFERENCES[e][0], "b", INFERENCES[e][1], "c", INFERENCES[e][2]));
            ValueBundle bundle = AlloraSynthesis.synthesize(PARAMS, state, inf, new TreeMap<>());
            assertEquals(COMBINED[e], bundle.combined(), 1e-12, "combined inference, epoch " + e);
            AlloraScoring.Result r = AlloraScoring.score(PARAMS, state, bundle, TRUTH[e]);
            state = r.next();
            assertEquals(INITIAL_REGRET[e], state.initialRegret(), 1e-12, "initial regret, epoch " + e);
            assertEquals(SCALE[e], state.scale(), 1e-12, "scale, epoch " + e);
            assertEquals(SCORES[e][0], r.scores().inferers().get("a"), 1e-12, "score of a, epoch " + e);
            assertEquals(SCORES[e][1], r.scores().inferers().get("b"), 1e-12, "score of b, epoch " + e);
            assertEquals(SCORES[e][2], r.scores().inferers().get("c"), 1e-12, "score of c, epoch " + e);
        }
    }

    @Test
    void coldStartIsThePlainMeanUntilAnInitialRegretExists() {
        SortedMap<String, Double> inf = new TreeMap<>(Map.of("a", 1.0, "b", 2.0, "c", 6.0));
        ValueBundle b = AlloraSynthesis.synthesize(PARAMS, RegretState.initial(), inf, new TreeMap<>());
        assertEquals(3.0, b.combined(), 0);
        assertEquals(true, b.coldStart());
        assertEquals(4.0, b.oneOutInferers().get("a"), 0);
        assertEquals(1.0 / 3, b.weights().get("c"), 1e-15);
    }
}
