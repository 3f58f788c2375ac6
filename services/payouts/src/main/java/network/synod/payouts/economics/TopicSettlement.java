package network.synod.payouts.economics;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Turns one topic's epoch pot and its scores into exact integer payouts (allora.md §4.3): validators and the topic
 * owner take their shares, the rest is split into inferer, forecaster and reputer pots (entropy-based or fixed),
 * each pot goes to its actors by reward fraction, and a reputer's reward is shared with its delegators by stake.
 * Every rounding remainder goes to the treasury, so the credits always add up to the pot exactly.
 */
public final class TopicSettlement {

    public static final String TREASURY = "treasury";

    private TopicSettlement() {}

    public record Delegation(String delegator, String target, long amount) {}

    /**
     * @param ownStake    each participant's own stake on the topic
     * @param delegations stake delegated to participants on the topic
     * @param previousEma each role's stored task-reward EMA ({@code ũ}) from earlier epochs
     */
    public record Input(
            String topic,
            long pot,
            SortedMap<String, Double> inferers,
            SortedMap<String, Double> forecasters,
            SortedMap<String, Double> reputers,
            double combinedLoss,
            double naiveLoss,
            Map<String, Long> ownStake,
            List<Delegation> delegations,
            Map<Role, Map<String, Double>> previousEma,
            double previousTau) {}

    /** One payment with its reason; {@code score} and {@code fraction} are null where they do not apply. */
    public record Line(String participant, Role role, Double score, Double fraction, long amount) {}

    public record Plan(
            long pot,
            long validatorsPot,
            long topicOwnerPot,
            long inferersPot,
            long forecastersPot,
            long reputersPot,
            long dust,
            double inferenceEntropy,
            double forecastEntropy,
            double reputerEntropy,
            double tau,
            double chi,
            double gamma,
            List<Line> lines,
            SortedMap<String, Long> credits,
            Map<Role, SortedMap<String, Double>> ema) {}

    public static Plan plan(Input in, SplitParams params) {
        Map<String, Long> stakeOnTopic = new HashMap<>(in.ownStake());
        for (Delegation d : in.delegations()) {
            stakeOnTopic.merge(d.target(), d.amount(), Long::sum);
        }
        SortedMap<String, Double> inferers = eligible(in.inferers(), stakeOnTopic, params.minStake());
        SortedMap<String, Double> forecasters = eligible(in.forecasters(), stakeOnTopic, params.minStake());
        SortedMap<String, Double> reputers = eligible(in.reputers(), stakeOnTopic, params.minStake());

        List<Line> lines = new ArrayList<>();
        long dust = 0;

        long validatorsPot = Apportionment.fraction(in.pot(), params.validatorsBps(), 10_000);
        SortedMap<String, BigInteger> equal = new TreeMap<>();
        params.validators().forEach(v -> equal.put(v, BigInteger.ONE));
        Apportionment.Result toValidators = Apportionment.floorWithDust(validatorsPot, equal);
        toValidators.shares().forEach((v, amount) -> lines.add(new Line(v, Role.VALIDATOR, null, null, amount)));
        dust += toValidators.dust();

        long topicOwnerPot = Apportionment.fraction(in.pot(), params.topicOwnerBps(), 10_000);
        if (topicOwnerPot > 0) {
            lines.add(new Line("topic-owner:" + in.topic(), Role.TOPIC_OWNER, null, null, topicOwnerPot));
        }
        long rest = in.pot() - validatorsPot - topicOwnerPot;

        SortedMap<String, Double> uInf = RewardFractions.workers(inferers, params.pInference(), params.cReward());
        SortedMap<String, Double> uFc = RewardFractions.workers(forecasters, params.pForecast(), params.cReward());
        SortedMap<String, Double> uRep = RewardFractions.reputers(reputers, stakeOnTopic, params.pReputer());

        TaskEntropy.Result f = TaskEntropy.of(
                uInf,
                in.previousEma().getOrDefault(Role.INFERER, Map.of()),
                params.taskRewardAlpha(),
                params.betaEntropy());
        TaskEntropy.Result g = TaskEntropy.of(
                uFc,
                in.previousEma().getOrDefault(Role.FORECASTER, Map.of()),
                params.taskRewardAlpha(),
                params.betaEntropy());
        TaskEntropy.Result h = TaskEntropy.of(
                uRep,
                in.previousEma().getOrDefault(Role.REPUTER, Map.of()),
                params.taskRewardAlpha(),
                params.betaEntropy());
        double bigF = f.entropy();
        // Allora: no forecasting entropy without forecasters or with at most one inferer to forecast about.
        double bigG = uFc.isEmpty() || uInf.size() <= 1 ? 0 : g.entropy();
        double bigH = h.entropy();

        double maxInfererScore = inferers.values().stream()
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(0);
        ForecastingShare.Result share = ForecastingShare.of(
                forecastingScore(in.combinedLoss(), in.naiveLoss()),
                maxInfererScore,
                in.previousTau(),
                params.forecastTauAlpha(),
                bigF,
                bigG);

        SortedMap<String, BigInteger> roleWeights = new TreeMap<>();
        if (params.mode() == SplitParams.SplitMode.ENTROPY) {
            roleWeights.put("1-inferers", Apportionment.exactWeight((1 - share.chi()) * share.gamma() * bigF));
            roleWeights.put("2-forecasters", Apportionment.exactWeight(share.chi() * share.gamma() * bigG));
            roleWeights.put("3-reputers", Apportionment.exactWeight(bigH));
        } else {
            // Fixed fractions of the rest; a role nobody took part in leaves its fraction to the treasury.
            roleWeights.put("1-inferers", BigInteger.valueOf(uInf.isEmpty() ? 0 : params.inferersBps()));
            roleWeights.put("2-forecasters", BigInteger.valueOf(uFc.isEmpty() ? 0 : params.forecastersBps()));
            roleWeights.put("3-reputers", BigInteger.valueOf(uRep.isEmpty() ? 0 : params.reputersBps()));
            roleWeights.put(
                    "4-unallocated",
                    BigInteger.valueOf(10_000
                            - params.inferersBps()
                            - params.forecastersBps()
                            - params.reputersBps()
                            + (uInf.isEmpty() ? params.inferersBps() : 0)
                            + (uFc.isEmpty() ? params.forecastersBps() : 0)
                            + (uRep.isEmpty() ? params.reputersBps() : 0)));
        }
        Apportionment.Result pots = Apportionment.floorWithDust(rest, roleWeights);
        long inferersPot = pots.shares().get("1-inferers");
        long forecastersPot = pots.shares().get("2-forecasters");
        long reputersPot = pots.shares().get("3-reputers");
        dust += pots.dust() + pots.shares().getOrDefault("4-unallocated", 0L);

        dust += payRole(inferersPot, uInf, inferers, Role.INFERER, lines);
        dust += payRole(forecastersPot, uFc, forecasters, Role.FORECASTER, lines);
        dust += payReputers(reputersPot, uRep, reputers, in, lines);

        if (dust > 0) {
            lines.add(new Line(TREASURY, Role.TREASURY, null, null, dust));
        }
        SortedMap<String, Long> credits = new TreeMap<>();
        for (Line line : lines) {
            if (line.amount() > 0) {
                credits.merge(line.participant(), line.amount(), Long::sum);
            }
        }
        long paid = credits.values().stream().mapToLong(Long::longValue).sum();
        if (paid != in.pot()) {
            throw new IllegalStateException("settlement of " + in.topic() + " pays " + paid + " of " + in.pot());
        }
        Map<Role, SortedMap<String, Double>> ema = new EnumMap<>(Role.class);
        ema.put(Role.INFERER, f.ema());
        ema.put(Role.FORECASTER, g.ema());
        ema.put(Role.REPUTER, h.ema());
        return new Plan(
                in.pot(),
                validatorsPot,
                topicOwnerPot,
                inferersPot,
                forecastersPot,
                reputersPot,
                dust,
                bigF,
                bigG,
                bigH,
                share.tau(),
                share.chi(),
                share.gamma(),
                Collections.unmodifiableList(lines),
                credits,
                ema);
    }

    /** {@code T_i}: naive minus combined loss in log10 space; zero when either loss is missing. */
    static double forecastingScore(double combinedLoss, double naiveLoss) {
        if (!(combinedLoss > 0)
                || !(naiveLoss > 0)
                || Double.isInfinite(combinedLoss)
                || Double.isInfinite(naiveLoss)) {
            return 0;
        }
        return StrictMath.log10(naiveLoss) - StrictMath.log10(combinedLoss);
    }

    private static SortedMap<String, Double> eligible(
            SortedMap<String, Double> scores, Map<String, Long> stake, long minStake) {
        // A linear-time copy of the sorted scores, less those not eligible.
        TreeMap<String, Double> out = new TreeMap<>(scores);
        out.entrySet()
                .removeIf(e -> e.getValue() == null
                        || !Double.isFinite(e.getValue())
                        || stake.getOrDefault(e.getKey(), 0L) < minStake);
        return out;
    }

    private static long payRole(
            long pot,
            SortedMap<String, Double> fractions,
            SortedMap<String, Double> scores,
            Role role,
            List<Line> lines) {
        Apportionment.Result r = Apportionment.floorWithDust(pot, exact(fractions));
        r.shares().forEach((id, amount) -> lines.add(new Line(id, role, scores.get(id), fractions.get(id), amount)));
        return r.dust();
    }

    private static long payReputers(
            long pot,
            SortedMap<String, Double> fractions,
            SortedMap<String, Double> scores,
            Input in,
            List<Line> lines) {
        Apportionment.Result r = Apportionment.floorWithDust(pot, exact(fractions));
        Map<String, List<Delegation>> byTarget = new HashMap<>();
        for (Delegation d : in.delegations()) {
            byTarget.computeIfAbsent(d.target(), t -> new ArrayList<>()).add(d);
        }
        r.shares().forEach((reputer, reward) -> {
            // Allora's GetRewardForReputerFromTotalReward: delegators get reward·(delegated / stake), pro rata; the
            // reputer keeps the rest, including the rounding of its delegators' slices.
            SortedMap<String, BigInteger> stakes = new TreeMap<>();
            stakes.put("", BigInteger.valueOf(Math.max(0, in.ownStake().getOrDefault(reputer, 0L))));
            for (Delegation d : byTarget.getOrDefault(reputer, List.of())) {
                stakes.merge("d:" + d.delegator(), BigInteger.valueOf(Math.max(0, d.amount())), BigInteger::add);
            }
            Apportionment.Result split = Apportionment.floorWithDust(reward, stakes);
            long own = split.shares().get("") + split.dust();
            lines.add(new Line(reputer, Role.REPUTER, scores.get(reputer), fractions.get(reputer), own));
            split.shares().forEach((key, amount) -> {
                if (!key.isEmpty()) {
                    lines.add(new Line(key.substring(2), Role.DELEGATOR, null, null, amount));
                }
            });
        });
        return r.dust();
    }

    private static SortedMap<String, BigInteger> exact(SortedMap<String, Double> fractions) {
        SortedMap<String, BigInteger> out = new TreeMap<>();
        fractions.forEach((id, f) -> out.put(id, Apportionment.exactWeight(f)));
        return out;
    }
}
