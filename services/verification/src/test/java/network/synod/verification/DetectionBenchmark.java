package network.synod.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import network.synod.core.forecast.ForecastContext;
import network.synod.core.forecast.Forecaster;
import network.synod.core.forecast.ReferenceForecasters;
import network.synod.core.replay.Series;
import network.synod.core.testing.SeriesMeta;
import network.synod.core.verification.AuditSampler;
import network.synod.core.verification.DetectionSimulation;
import network.synod.core.verification.EpochSeed;
import network.synod.core.verification.Hashes;
import network.synod.core.verification.OutputComparator;
import network.synod.core.verification.Receipt;
import network.synod.core.verification.ReceiptCheck;
import network.synod.core.verification.ReplayGuard;
import network.synod.core.verification.Signatures;
import network.synod.models.neural.NeuralForecaster;

/**
 * The detection benchmark (issue 4, item 5), run on demand with {@code -Pbench}; see the README.
 *
 * <p>Detection: simulated cheaters faking a fraction f of n answers, audited at rate r with the real sampler and
 * comparator, over many trials, against 1 − (1 − r·f)^n. False positives: honest workers (the five reference kinds and
 * the DJL neural forecaster) answering every step of the shipped series, every answer signed, its receipt checked,
 * audited (rate 1 here, to count them all) and re-executed on an independent verifier instance, compared bit-exactly.
 * Overhead: the verifier's re-execution time at r = 2 % against the workers' own answer time.
 */
class DetectionBenchmark {

    static final Path SERIES = Path.of(System.getProperty("synod.series.dir", "../../../shared/data/series"));
    static final int WINDOW = 128;

    @Test
    void detection() {
        int trials = Integer.getInteger("synod.bench.trials", 5000);
        // r, f, n, trials: the case first, then neighbours to show the measured rate follows 1 − (1 − r·f)^n.
        double[][] cases = {
            {0.02, 0.05, 10_000, trials},
            {0.01, 0.05, 10_000, 1000},
            {0.02, 0.01, 10_000, 1000},
            {0.01, 0.10, 1_000, 1000},
            {0.005, 0.05, 10_000, 1000}
        };
        System.out.println("| r | f | n | trials | detected | measured | predicted 1-(1-rf)^n | audited share |");
        System.out.println("|---|---|---|---:|---:|---:|---:|---:|");
        for (double[] c : cases) {
            long start = System.nanoTime();
            DetectionSimulation.Result r = DetectionSimulation.run(
                    (int) c[3], (long) c[2], c[0], c[1], 42, x -> Math.sin(x), x -> Math.sin(x) + 1e-3);
            System.out.printf(
                    Locale.ROOT,
                    "| %.3f | %.2f | %d | %d | %d | %.5f | %.5f | %.4f |  (%.1f s)%n",
                    c[0],
                    c[1],
                    (long) c[2],
                    (int) c[3],
                    r.detected(),
                    r.measured(),
                    r.predicted(),
                    r.auditedShare(),
                    (System.nanoTime() - start) / 1e9);
            assertEquals(0, r.falsePositives());
            if (c[0] == 0.02 && c[1] == 0.05) {
                assertTrue(r.measured() >= 0.999, "detection " + r.measured());
            }
        }
    }

    @Test
    void noFalsePositivesAndTheOverhead() throws Exception {
        KeyPair key = Signatures.generate();
        ReceiptCheck check = new ReceiptCheck(new ReplayGuard(2_000_000), Duration.ofDays(1));
        byte[] secret = "benchmark secret".getBytes();
        long answers = 0;
        long falsePositives = 0;
        long workerNanos = 0;
        long sampledReexecNanos = 0;
        long sampled = 0;
        long mlpAnswers = 0;
        long mlpWorkerNanos = 0;
        System.out.println("| series | kind | answers | false positives |");
        System.out.println("|---|---|---:|---:|");
        List<String> neural = List.of("co2_monthly", "elnino_sst_monthly", "seattle_tempmax_daily", "sunspots_monthly");
        try (var files = Files.list(SERIES)) {
            for (Path csv :
                    files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                Series s = Series.read(csv);
                int season = season(s.name());
                for (String kind : season > 0
                        ? List.of("last", "ma", "ema", "trend", "snaive")
                        : List.of("last", "ma", "ema", "trend")) {
                    Forecaster worker = ReferenceForecasters.byKind(kind, season);
                    Forecaster verifier = ReferenceForecasters.byKind(kind, season);
                    long fp = 0;
                    int from = Math.max(worker.minimumHistory(season), 1);
                    for (int t = from; t < s.length(); t++) {
                        ForecastContext ctx = context(s.values(), t, season);
                        long w0 = System.nanoTime();
                        double claimed = worker.predict(ctx);
                        long w1 = System.nanoTime();
                        workerNanos += w1 - w0;
                        String id = s.name() + "/" + kind + "/" + t;
                        if (!honestAuditPasses(check, key, id, ctx, claimed, kind, verifier.predict(ctx))) {
                            fp++;
                        }
                        if (AuditSampler.audited(
                                EpochSeed.derive(secret, s.name(), t).seed(), id, kind, 0.02)) {
                            long v0 = System.nanoTime();
                            verifier.predict(ctx);
                            sampledReexecNanos += System.nanoTime() - v0;
                            sampled++;
                        }
                        answers++;
                    }
                    falsePositives += fp;
                    System.out.printf(Locale.ROOT, "| %s | %s | %d | %d |%n", s.name(), kind, s.length() - from, fp);
                }
                if (neural.contains(s.name())) {
                    // The online mlp is stateful: its verifier is a second instance with the same seed and settings
                    // that is sent the same windows in the same order, so it holds the same weights at every step.
                    long fp = 0;
                    int n = 0;
                    try (NeuralForecaster worker = new NeuralForecaster(season);
                            NeuralForecaster verifier = new NeuralForecaster(season)) {
                        int from = Math.max(worker.minimumHistory(season), 1);
                        for (int t = from; t < s.length(); t++) {
                            ForecastContext ctx = context(s.values(), t, season);
                            long first = ctx.step() - ctx.size();
                            long w0 = System.nanoTime();
                            worker.reveal(first, ctx.window());
                            double claimed = worker.predict(ctx);
                            mlpWorkerNanos += System.nanoTime() - w0;
                            verifier.reveal(first, ctx.window());
                            double again = verifier.predict(ctx);
                            if (!honestAuditPasses(check, key, s.name() + "/mlp/" + t, ctx, claimed, "mlp", again)) {
                                fp++;
                            }
                            n++;
                        }
                    }
                    answers += n;
                    mlpAnswers += n;
                    falsePositives += fp;
                    System.out.printf(Locale.ROOT, "| %s | mlp (DJL) | %d | %d |%n", s.name(), n, fp);
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "honest answers: %d (DJL mlp %d), false positives: %d%n",
                answers,
                mlpAnswers,
                falsePositives);
        System.out.printf(
                Locale.ROOT,
                "reference kinds at r = 0.02: %d of %d answers re-executed; worker time "
                        + "%.1f ms, re-execution time %.1f ms, overhead %.2f %%%n",
                sampled,
                answers - mlpAnswers,
                workerNanos / 1e6,
                sampledReexecNanos / 1e6,
                100.0 * sampledReexecNanos / workerNanos);
        System.out.printf(
                Locale.ROOT,
                "mlp: worker time %.1f s for %d answers; its replay verifier costs the same "
                        + "(100 %% of the worker's compute per audited worker, whatever r)%n",
                mlpWorkerNanos / 1e9,
                mlpAnswers);
        assertTrue(answers >= 100_000, "only " + answers + " honest answers");
        assertEquals(0, falsePositives);
    }

    /** Signs the honest answer, checks the receipt as the gateway does, and compares with the re-execution. */
    private static boolean honestAuditPasses(
            ReceiptCheck check,
            KeyPair key,
            String id,
            ForecastContext ctx,
            double claimed,
            String worker,
            double reexecuted) {
        String digest = Hashes.sha256Hex("synod-reference/" + worker);
        String input = Hashes.inputHash(id, ctx.step(), ctx.season(), ctx.window());
        Receipt r = Signatures.sign(
                new Receipt(
                        digest,
                        input,
                        Hashes.outputHash(claimed),
                        worker,
                        Instant.now().toString(),
                        null),
                key.getPrivate());
        boolean receiptOk = check.check(
                        r,
                        new ReceiptCheck.Expected(worker, key.getPublic(), digest, input, new double[] {claimed}),
                        Instant.now())
                .ok();
        boolean outputOk = OutputComparator.compare(
                        new double[] {claimed}, new double[] {reexecuted}, OutputComparator.Policy.EXACT)
                .match();
        return receiptOk && outputOk && Hashes.outputHash(reexecuted).equals(r.outputHash());
    }

    private static ForecastContext context(double[] values, int t, int season) {
        int from = Math.max(0, t - Math.max(WINDOW, 2 * season + 1));
        return new ForecastContext(t, Arrays.copyOfRange(values, from, t), season);
    }

    private static int season(String name) {
        return SeriesMeta.season(name);
    }
}
