package network.synod.core.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A time series read from a CSV file with the header {@code t,value}, one row per step in time order. */
public record Series(String name, List<String> times, double[] values) {

    public static Series read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        if (lines.isEmpty() || !lines.get(0).trim().equals("t,value")) {
            throw new IllegalArgumentException(csv + ": expected the header 't,value'");
        }
        List<String> times = new ArrayList<>();
        double[] values = new double[lines.size() - 1];
        int n = 0;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            int comma = line.lastIndexOf(',');
            if (comma < 0) {
                throw new IllegalArgumentException(csv + ":" + (i + 1) + ": expected 't,value', got '" + line + "'");
            }
            double v;
            try {
                v = Double.parseDouble(line.substring(comma + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(csv + ":" + (i + 1) + ": value is not a number: '" + line + "'");
            }
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(csv + ":" + (i + 1) + ": value is not finite: '" + line + "'");
            }
            times.add(line.substring(0, comma));
            values[n++] = v;
        }
        String file = csv.getFileName().toString();
        String name = file.endsWith(".csv") ? file.substring(0, file.length() - 4) : file;
        double[] exact = new double[n];
        System.arraycopy(values, 0, exact, 0, n);
        return new Series(name, List.copyOf(times), exact);
    }

    public int length() {
        return values.length;
    }
}
