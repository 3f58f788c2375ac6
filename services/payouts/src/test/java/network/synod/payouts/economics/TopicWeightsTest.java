package network.synod.payouts.economics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class TopicWeightsTest {

    @Test
    void weightIsSquareRootOfStakeTimesSquareRootOfFeesSmoothedByHalf() {
        List<TopicWeights.Weight> w = TopicWeights.compute(
                List.of(
                        new TopicWeights.Input("fresh", 400, 100, null),
                        new TopicWeights.Input("known", 400, 100, 100.0),
                        new TopicWeights.Input("no-fees", 400, 0, 100.0)),
                TopicWeights.Params.allora());
        assertEquals(200.0, w.get(0).target(), 1e-12); // √400 · √100 = 20 · 10
        assertEquals(200.0, w.get(0).weight(), 1e-12);
        assertEquals(150.0, w.get(1).weight(), 1e-12); // 0.5 · 200 + 0.5 · 100
        assertEquals(0.0, w.get(2).target());
        assertEquals(50.0, w.get(2).weight(), 1e-12); // decays towards zero without fees
    }
}
