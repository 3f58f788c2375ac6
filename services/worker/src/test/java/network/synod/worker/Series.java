package network.synod.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The shipped real series, read from shared/data/series. */
final class Series {

    private Series() {}

    static double[] load(String name) throws IOException {
        Path dir = Path.of(System.getProperty("synod.series.dir", "../../../shared/data/series"));
        List<String> lines = Files.readAllLines(dir.resolve(name + ".csv"));
        double[] v = new double[lines.size() - 1];
        for (int i = 1; i < lines.size(); i++) {
            v[i - 1] = Double.parseDouble(lines.get(i).substring(lines.get(i).lastIndexOf(',') + 1));
        }
        return v;
    }
}
