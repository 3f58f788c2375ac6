package network.synod.worker;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import network.synod.core.classification.ClassificationHashes;
import network.synod.core.verification.Receipt;
import network.synod.core.verification.Signatures;

/**
 * A text classifier (naive Bayes) served over OIP v2: BYTES texts in, labels and probabilities out, labels
 * revealed through {@code POST /v2/models/model/labels}; bad requests are 400/409 and change nothing.
 */
@QuarkusTest
@TestProfile(KindProfiles.NaiveBayes.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClassificationKindQuarkusTest {

    private static final String SPAM = "Subject: FREE money!!! click here to claim your prize, act now, $$$";
    private static final String HAM =
            "Subject: Re: build fails on sparc\\n\\nThe patch to configure fixes it, " + "thanks for the report.";

    @Test
    @Order(1)
    void metadataDeclaresBytesInAndLabelsOut() {
        given().get("/v2/models/model")
                .then()
                .statusCode(200)
                .body("inputs[0].name", equalTo("text"))
                .body("inputs[0].datatype", equalTo("BYTES"))
                .body("outputs[0].name", equalTo("label"))
                .body("outputs[0].datatype", equalTo("BYTES"))
                .body("outputs[1].name", equalTo("probabilities"))
                .body("outputs[1].datatype", equalTo("FP64"))
                .body("outputs[1].shape[1]", equalTo(2))
                .body("parameters.labels", equalTo("ham,spam"))
                .body("parameters.kind", equalTo("naive-bayes"));
    }

    @Test
    @Order(2)
    void learnsOnlyFromRevealedLabels() throws Exception {
        JsonNode before = Oip.ok(classify("q-1", SPAM, HAM));
        // Nothing revealed yet: asking taught it nothing, so both texts get the same answer.
        assertEquals(
                before.at("/outputs/1/data/0").asDouble(),
                before.at("/outputs/1/data/2").asDouble());

        List<Map<String, String>> labels = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            labels.add(label("spam-" + i, SPAM.replace("prize", "prize " + i), "spam"));
            labels.add(label("ham-" + i, HAM.replace("thanks", "thanks " + i), "ham"));
        }
        revealed(labels).then().statusCode(200).body("learnt", equalTo(10)).body("revealed", equalTo(10));

        JsonNode after = Oip.ok(classify("q-2", SPAM, HAM));
        assertEquals("[2]", after.at("/outputs/0/shape").toString());
        assertEquals("[2,2]", after.at("/outputs/1/shape").toString());
        assertEquals("spam", after.at("/outputs/0/data/0").asText());
        assertEquals("ham", after.at("/outputs/0/data/1").asText());
        double spamOfSpam = after.at("/outputs/1/data/1").asDouble();
        assertTrue(spamOfSpam > 0.5, "p(spam | spam text) = " + spamOfSpam);
        assertEquals(1.0, after.at("/outputs/1/data/0").asDouble() + spamOfSpam, 1e-12);
    }

    @Test
    @Order(3)
    void theReceiptCoversLabelsAndProbabilities() throws Exception {
        JsonNode meta = Oip.JSON.readTree(given().get("/v2/models/model").asString());
        PublicKey key = Signatures.publicKey(meta.at("/parameters/publicKey").asText());
        JsonNode answer = Oip.ok(classify("q-3", SPAM));
        Receipt r = Oip.JSON.treeToValue(answer.at("/parameters/receipt"), Receipt.class);
        assertTrue(Signatures.verify(r, key));
        String label = answer.at("/outputs/0/data/0").asText();
        double[] p = {
            answer.at("/outputs/1/data/0").asDouble(),
            answer.at("/outputs/1/data/1").asDouble()
        };
        assertEquals(ClassificationHashes.inputHash("q-3", List.of(SPAM.replace("\\n", "\n"))), r.inputHash());
        assertEquals(ClassificationHashes.outputHash(List.of(label), p), r.outputHash());
        String otherLabel = label.equals("spam") ? "ham" : "spam";
        assertNotEquals(ClassificationHashes.outputHash(List.of(otherLabel), p), r.outputHash());
    }

    @Test
    @Order(4)
    void badRequestsAreRefusedAndChangeNothing() {
        String before = classify("q-4", SPAM)
                .then()
                .statusCode(200)
                .extract()
                .path("outputs[1].data")
                .toString();

        bad(
                "{\"inputs\": [{\"name\": \"text\", \"datatype\": \"BYTES\", \"shape\": [2], \"data\": [\"one\"]}]}",
                "has 1 values but shape [2] needs 2");
        bad(
                "{\"inputs\": [{\"name\": \"text\", \"datatype\": \"BYTES\", \"shape\": [1, 1], \"data\": [[\"a\"]]}]}",
                "must have shape [n]");
        bad(
                "{\"inputs\": [{\"name\": \"text\", \"datatype\": \"BYTES\", \"shape\": [1], \"data\": [42]}]}",
                "not a string");
        bad(
                "{\"inputs\": [{\"name\": \"text\", \"datatype\": \"FP64\", \"shape\": [1], \"data\": [1]}]}",
                "this model takes BYTES");
        bad(
                "{\"inputs\": [{\"name\": \"window\", \"datatype\": \"FP64\", \"shape\": [1], \"data\": [1]}]}",
                "no input named 'text'");
        revealed(List.of(label("x-1", SPAM, "spam"), label("x-2", HAM, "eggs")))
                .then()
                .statusCode(400)
                .body("error", containsString("'eggs' is not one of the subnet's labels"));
        revealed(List.of(label("x-3", HAM, "ham"), label("spam-0", SPAM, "spam")))
                .then()
                .statusCode(409)
                .body("error", containsString("spam-0 was revealed already"));
        given().contentType("application/json")
                .body("{\"labels\": [{\"id\": \"x-4\", \"label\": \"ham\"}]}")
                .post("/v2/models/model/labels")
                .then()
                .statusCode(400)
                .body("error", containsString("'text'"));
        given().contentType("application/json")
                .body("{\"labels\": []}")
                .post("/v2/models/other/labels")
                .then()
                .statusCode(404);

        String after = classify("q-5", SPAM)
                .then()
                .statusCode(200)
                .extract()
                .path("outputs[1].data")
                .toString();
        assertEquals(before, after, "a refused request taught the model something");
    }

    private static Response classify(String id, String... texts) {
        StringBuilder data = new StringBuilder();
        for (String t : texts) {
            data.append(data.length() == 0 ? "" : ", ")
                    .append('"')
                    .append(t.replace("\"", "\\\""))
                    .append('"');
        }
        return Oip.post(
                "model",
                "{\"id\": \"" + id + "\", \"inputs\": [{\"name\": \"text\", \"datatype\": \"BYTES\"," + " \"shape\": ["
                        + texts.length + "], \"data\": [" + data + "]}]}");
    }

    private static void bad(String body, String message) {
        Oip.post("model", body).then().statusCode(400).body("error", containsString(message));
    }

    private static Map<String, String> label(String id, String text, String label) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("text", text.replace("\\n", "\n"));
        m.put("label", label);
        return m;
    }

    private static Response revealed(List<Map<String, String>> labels) {
        try {
            return given().contentType("application/json")
                    .body(Oip.JSON.writeValueAsString(Map.of("labels", labels)))
                    .post("/v2/models/model/labels");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
