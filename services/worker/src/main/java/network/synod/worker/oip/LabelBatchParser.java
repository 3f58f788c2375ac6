package network.synod.worker.oip;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;

import network.synod.worker.model.ClassificationModel.Revealed;

/** Reads {@code {"labels": [{"id", "text", "label"}, ...]}}, the body of a label reveal; every problem is a 400. */
final class LabelBatchParser {

    private static final ObjectReader READER = JsonMapper.builder().build().reader();

    private LabelBatchParser() {}

    static List<Revealed> parse(byte[] body, int max) {
        JsonNode root;
        try {
            root = READER.readTree(body);
        } catch (JsonProcessingException e) {
            throw OipException.badInput("malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw OipException.badInput("unreadable request body: " + e.getMessage());
        }
        JsonNode labels = root == null ? null : root.get("labels");
        if (labels == null || !labels.isArray() || labels.isEmpty()) {
            throw OipException.badInput(
                    "the body must be {\"labels\": [{\"id\", \"text\", \"label\"}, ...]}, " + "a non-empty array");
        }
        if (labels.size() > max) {
            throw OipException.badInput("at most " + max + " labels a call, got " + labels.size());
        }
        List<Revealed> batch = new ArrayList<>();
        for (JsonNode l : labels) {
            for (String field : List.of("id", "text", "label")) {
                if (!l.path(field).isTextual()) {
                    throw OipException.badInput("labels[" + batch.size() + "] needs a string '" + field + "'");
                }
            }
            if (l.get("id").asText().isBlank()) {
                throw OipException.badInput("labels[" + batch.size() + "] has a blank 'id'");
            }
            batch.add(new Revealed(
                    l.get("id").asText(), l.get("text").asText(), l.get("label").asText()));
        }
        return batch;
    }
}
