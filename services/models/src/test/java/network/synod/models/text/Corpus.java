package network.synod.models.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import network.synod.core.classification.LabelledText;

/** The first messages of the SpamAssassin corpus shipped beside the checkout (../shared/data/text), in order. */
final class Corpus {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Corpus() {}

    static Path file() {
        return Path.of(System.getProperty("synod.text.dir", "../../../shared/data/text"), "spamassassin_corpus1.jsonl");
    }

    static List<LabelledText> first(int n) throws IOException {
        List<LabelledText> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file(), StandardCharsets.UTF_8)) {
            String line;
            while (out.size() < n && (line = r.readLine()) != null) {
                JsonNode m = JSON.readTree(line);
                out.add(new LabelledText(
                        m.get("t").asText(),
                        m.get("id").asText(),
                        m.get("label").asText(),
                        m.get("text").asText()));
            }
        }
        return out;
    }
}
