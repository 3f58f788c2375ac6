package network.synod.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The shipped series and their seasons, as {@code shared/data/series/meta.json} lists them (the one table of them;
 * tests and benchmarks of every module read it from here, in core's test-jar).
 */
public final class SeriesMeta {

    private SeriesMeta() {}

    /** The series directory the build passes as {@code synod.series.dir} (default: the shared series seen from a module directory). */
    public static Path dir() {
        return Path.of(System.getProperty("synod.series.dir", "../../../shared/data/series"));
    }

    /** Each series' name and season (0 where meta.json gives none), in meta.json's order. */
    public static Map<String, Integer> seasons() {
        return seasons(dir());
    }

    public static Map<String, Integer> seasons(Path dir) {
        Map<String, Integer> seasons = new LinkedHashMap<>();
        try {
            for (JsonNode entry : new ObjectMapper().readTree(Files.readString(dir.resolve("meta.json")))) {
                seasons.put(
                        entry.path("name").asText(),
                        entry.path("season").isInt() ? entry.get("season").asInt() : 0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve("meta.json"), e);
        }
        if (seasons.isEmpty()) {
            throw new IllegalStateException(dir.resolve("meta.json") + " lists no series");
        }
        return Collections.unmodifiableMap(seasons);
    }

    /** One series' season; an unknown name is an error, not a silent 0. */
    public static int season(String name) {
        Integer season = seasons().get(name);
        if (season == null) {
            throw new IllegalArgumentException("meta.json lists no series named " + name);
        }
        return season;
    }
}
