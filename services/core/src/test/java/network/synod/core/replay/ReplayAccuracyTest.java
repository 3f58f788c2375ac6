package network.synod.core.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import network.synod.core.forecast.ReferenceForecasters;
import network.synod.core.synthesis.SynthesisMode;
import network.synod.core.synthesis.TopicParams;
import network.synod.core.testing.SeriesMeta;

/**
 * The network's accuracy on the eight real series of shared/data/series with the five reference forecasters:
 * the Allora mode reproduces the late-rule figures of shared/data/README.md within ±0.03, and the synod mode
 * beats the best single worker by a clear margin and never loses more than 10 % to it.
 */
class ReplayAccuracyTest {

    static Path seriesDir() {
        return Path.of(System.getProperty("synod.series.dir", "../../../shared/data/series"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "sp500_close_daily, last, 1.076",
        "sp500_logret_daily, ma5, 1.052",
        "co2_monthly, last, 0.963",
        "sunspots_monthly, ema0.3, 1.003",
        "elnino_sst_monthly, last, 0.779",
        "seattle_tempmax_daily, last, 1.118",
        "electricity_demand_halfhourly, snaive336, 0.818",
        "us_births_daily, snaive7, 1.011"
    })
    void reproducesTheReferenceFigures(String name, String best, double lateRuleRatio) throws Exception {
        int season = SeriesMeta.seasons(seriesDir()).get(name);
        Series s = Series.read(seriesDir().resolve(name + ".csv"));
        ReplayReport allora = replay(s, season, SynthesisMode.ALLORA);
        assertEquals(best, allora.bestWorker());
        assertEquals(lateRuleRatio, allora.ratio(), 0.03, "allora-mode ratio on " + name);
        assertEquals(s.length() - Math.max(10, season), allora.steps());

        ReplayReport synod = replay(s, season, SynthesisMode.SYNOD);
        assertTrue(synod.ratio() <= 1.10, "synod-mode ratio on " + name + " is " + synod.ratio());
        assertTrue(
                synod.ratio() < allora.ratio() + 0.01,
                "synod " + synod.ratio() + " vs allora " + allora.ratio() + " on " + name);
    }

    static ReplayReport replay(Series s, int season, SynthesisMode mode) throws Exception {
        ReplayPlan plan = ReplayPlan.of(s.values(), season);
        TopicParams params = TopicParams.defaults(mode, season).withLossFloor(plan.lossFloor());
        return Replay.run(
                s,
                plan,
                mode.id(),
                new InProcessNetwork(params, ReferenceForecasters.forSeason(season), Map.of()),
                x -> {});
    }

    @org.junit.jupiter.api.Test
    void synodGeometricMeanOverTheEightSeriesIsAtMostPointNine() throws Exception {
        Map<String, Integer> seasons = SeriesMeta.seasons(seriesDir());
        assertEquals(8, seasons.size(), seasons.toString());
        assertTrue(Files.isDirectory(seriesDir()), "series directory " + seriesDir() + " missing");
        double logSum = 0;
        for (var e : seasons.entrySet()) {
            logSum += Math.log(replay(
                            Series.read(seriesDir().resolve(e.getKey() + ".csv")), e.getValue(), SynthesisMode.SYNOD)
                    .ratio());
        }
        double geomean = Math.exp(logSum / seasons.size());
        assertTrue(geomean <= 0.90, "synod geometric mean " + geomean);
    }
}
