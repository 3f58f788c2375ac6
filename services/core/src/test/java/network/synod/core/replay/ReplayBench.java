package network.synod.core.replay;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import network.synod.core.forecast.ReferenceForecasters;
import network.synod.core.synthesis.SynthesisMode;
import network.synod.core.synthesis.TopicParams;
import network.synod.core.testing.SeriesMeta;

/**
 * On-demand timing of the in-process replay: prints, for every series in both modes, the ratio and the replay's own
 * time without JVM start-up. Run: {@code java -cp target/classes:target/test-classes
 * network.synod.core.replay.ReplayBench ../../../shared/data/series} from services/core after test-compile.
 */
public class ReplayBench {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "../../shared/data/series");
        Map<String, Integer> seasons = SeriesMeta.seasons(dir);
        double[] logs = new double[2];
        try (var files = Files.list(dir)) {
            for (Path p :
                    files.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
                Series s = Series.read(p);
                int m = seasons.getOrDefault(s.name(), 0);
                ReplayPlan plan = ReplayPlan.of(s.values(), m);
                StringBuilder line = new StringBuilder(String.format("%-32s", s.name()));
                int i = 0;
                for (SynthesisMode mode : SynthesisMode.values()) {
                    TopicParams params = TopicParams.defaults(mode, m).withLossFloor(plan.lossFloor());
                    long t0 = System.nanoTime();
                    ReplayReport r = Replay.run(
                            s,
                            plan,
                            mode.id(),
                            new InProcessNetwork(params, ReferenceForecasters.forSeason(m), Map.of()),
                            x -> {});
                    line.append(String.format(
                            "  %s=%.3f (%s, %d ms)",
                            mode.id(), r.ratio(), r.bestWorker(), (System.nanoTime() - t0) / 1_000_000));
                    logs[i++] += Math.log(r.ratio());
                }
                System.out.println(line);
            }
        }
        System.out.printf("geomean allora=%.3f synod=%.3f%n", Math.exp(logs[0] / 8), Math.exp(logs[1] / 8));
    }
}
