package network.synod.core.events;

import network.synod.core.loss.LossFunction;
import network.synod.core.synthesis.SynthesisMode;
import network.synod.core.synthesis.TopicParams;

/**
 * A topic as an administrator (or the operator) registers it with the gateway and scoring. Every field is
 * optional; missing ones take Allora's defaults. {@link #toParams()} validates.
 *
 * @param lossFunction {@code mse}, {@code mae} or {@code logloss}
 * @param mode {@code allora} or {@code synod} (the default: it measured better, see docs/benchmarks.md)
 * @param reputerQuorum how many reputers' ground truths close an epoch
 * @param commitReveal whether inferers commit to a salted hash of their answer before revealing it (forecasters
 *                     always do); off by default, since it costs a second round trip per request
 */
public record TopicSpec(
        String lossFunction,
        String mode,
        Integer season,
        Double alpha,
        Double p,
        Double c,
        Double epsilon,
        Double lossFloor,
        Integer reputerQuorum,
        Boolean commitReveal) {

    public static final String DEFAULT_MODE = "synod";

    /** A spec without commit-reveal for inferers. */
    public TopicSpec(
            String lossFunction,
            String mode,
            Integer season,
            Double alpha,
            Double p,
            Double c,
            Double epsilon,
            Double lossFloor,
            Integer reputerQuorum) {
        this(lossFunction, mode, season, alpha, p, c, epsilon, lossFloor, reputerQuorum, null);
    }

    /** Whether this topic's inferers commit before they reveal. */
    public boolean inferersCommit() {
        return Boolean.TRUE.equals(commitReveal);
    }

    public TopicParams toParams() {
        TopicParams d = TopicParams.defaults(
                SynthesisMode.fromId(mode == null ? DEFAULT_MODE : mode), season == null ? 0 : season);
        return new TopicParams(
                lossFunction == null ? d.loss() : LossFunction.fromId(lossFunction),
                d.mode(),
                d.season(),
                alpha == null ? d.alpha() : alpha,
                p == null ? d.p() : p,
                c == null ? d.c() : c,
                epsilon == null ? d.epsilon() : epsilon,
                lossFloor == null ? d.lossFloor() : lossFloor);
    }

    public int quorum() {
        if (reputerQuorum != null && reputerQuorum < 1) {
            throw new IllegalArgumentException("reputerQuorum must be >= 1, got " + reputerQuorum);
        }
        return reputerQuorum == null ? 1 : reputerQuorum;
    }

    /** The spec with every default filled in, as it is stored and shown. */
    public TopicSpec normalised() {
        TopicParams t = toParams();
        return new TopicSpec(
                t.loss().id(),
                t.mode().id(),
                t.season(),
                t.alpha(),
                t.p(),
                t.c(),
                t.epsilon(),
                t.lossFloor(),
                quorum(),
                inferersCommit());
    }
}
