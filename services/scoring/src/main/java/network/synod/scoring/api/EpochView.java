package network.synod.scoring.api;

import java.time.Instant;
import java.util.List;

import network.synod.core.synthesis.EpochLosses;
import network.synod.core.synthesis.EpochScores;
import network.synod.scoring.closing.ReputerConsensus.ReputerResult;

/** A closed epoch: consensus truth, losses, worker scores and each reputer's distance and score. */
public record EpochView(
        String topic,
        long epoch,
        double consensus,
        double networkLoss,
        EpochLosses losses,
        EpochScores scores,
        List<ReputerResult> reputers,
        Instant closedAt) {}
