package network.synod.scoring.closing;

import java.util.List;

import network.synod.core.synthesis.Synthesizer;

/** An epoch closed by the current transaction, carried out of it to be published once committed. */
record ClosedEpoch(
        String topic,
        long epoch,
        double consensus,
        Synthesizer.Scored scored,
        List<ReputerConsensus.ReputerResult> reputers) {}
