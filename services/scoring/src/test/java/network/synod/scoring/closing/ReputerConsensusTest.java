package network.synod.scoring.closing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import network.synod.core.synthesis.SynthesisMode;
import network.synod.core.synthesis.TopicParams;
import network.synod.scoring.closing.ReputerConsensus.Report;
import network.synod.scoring.closing.ReputerConsensus.ReputerResult;

class ReputerConsensusTest {

    private static final TopicParams MSE = TopicParams.defaults(SynthesisMode.SYNOD, 0);

    @Test
    void consensusIsTheStakeWeightedMean() {
        assertEquals(11.0, ReputerConsensus.consensus(List.of(new Report("a", 10, 1), new Report("b", 12, 1))), 1e-12);
        assertEquals(10.5, ReputerConsensus.consensus(List.of(new Report("a", 10, 3), new Report("b", 12, 1))), 1e-12);
    }

    @Test
    void consensusNeedsReportsWithWeight() {
        assertThrows(IllegalArgumentException.class, () -> ReputerConsensus.consensus(List.of()));
        assertThrows(IllegalArgumentException.class, () -> ReputerConsensus.consensus(List.of(new Report("a", 1, 0))));
    }

    @Test
    void scoresFollowAlloraOnTheImpliedLogLosses() {
        List<Report> reports = List.of(new Report("b", 12, 1), new Report("a", 10, 1));
        double value = 13;
        List<ReputerResult> results = ReputerConsensus.score(reports, 11, MSE, value);

        assertEquals(List.of("a", "b"), results.stream().map(ReputerResult::id).toList());
        double consensusLoss = Math.log10(4 + MSE.lossFloor());
        double lossA = Math.log10(9 + MSE.lossFloor());
        ReputerResult a = results.get(0);
        assertEquals(1.0, a.distance(), 1e-12);
        assertEquals(lossA, a.loss(), 1e-12);
        assertEquals(1 / (Math.abs(lossA - consensusLoss) / Math.abs(consensusLoss) + 0.01), a.score(), 1e-9);
        // The score compares implied log losses, not truths: a (loss 9) is nearer the consensus loss (4) in
        // log10 than b (loss 1) is, although both truths are 1 from the consensus.
        double lossB = Math.log10(1 + MSE.lossFloor());
        assertEquals(
                1 / (Math.abs(lossB - consensusLoss) / Math.abs(consensusLoss) + 0.01),
                results.get(1).score(),
                1e-9);
        assertTrue(a.score() > results.get(1).score());
    }

    @Test
    void aLoneReputerAgreesWithItselfAndScoresTheMaximum() {
        List<ReputerResult> results = ReputerConsensus.score(List.of(new Report("default", 5, 1)), 5, MSE, 4);
        assertEquals(0.0, results.get(0).distance());
        assertEquals(100.0, results.get(0).score(), 1e-9);
    }
}
