package network.synod.core.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import network.synod.core.forecast.ForecastContext;
import network.synod.core.forecast.ReferenceForecasters;
import network.synod.core.synthesis.SynthesisMode;
import network.synod.core.synthesis.TopicParams;

/** Changing values after step t changes no answer up to t: nothing sees a value before it is revealed. */
class NoLookAheadTest {

    @Test
    void futureValuesChangeNoAnswer() throws Exception {
        double[] a = new double[300];
        for (int i = 0; i < a.length; i++) {
            a[i] = Math.sin(i / 5.0) * 10 + i * 0.1 + (i % 7);
        }
        double[] b = a.clone();
        int cut = 200;
        for (int i = cut; i < b.length; i++) {
            b[i] = -b[i] * 3 + 1000;
        }
        List<Double> fromA = answers(a, cut);
        List<Double> fromB = answers(b, cut);
        assertEquals(fromA, fromB);
        // One step further the window holds a changed value, so the answers must differ: the test can fail.
        assertNotEquals(answers(a, cut + 1), answers(b, cut + 1));
    }

    /** The network's and every worker's answers for steps 7..last, in both modes. */
    private static List<Double> answers(double[] y, int last) throws Exception {
        List<Double> out = new ArrayList<>();
        for (SynthesisMode mode : SynthesisMode.values()) {
            ReplayPlan plan = new ReplayPlan(7, 10, 128, 1e-6);
            InProcessNetwork net = new InProcessNetwork(
                    TopicParams.defaults(mode, 7).withLossFloor(1e-6), ReferenceForecasters.forSeason(7), Map.of());
            for (int t = 10; t <= last; t++) {
                Network.Answer ans = net.ask(new ForecastContext(t, plan.contextFor(y, t), 7));
                out.add(ans.value());
                out.addAll(ans.workers().values());
                if (t < last) {
                    net.reveal(t, y[t]);
                }
            }
        }
        return out;
    }
}
