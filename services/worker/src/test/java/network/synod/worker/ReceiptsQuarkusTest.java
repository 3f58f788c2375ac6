package network.synod.worker;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import network.synod.core.verification.Hashes;
import network.synod.core.verification.Receipt;
import network.synod.core.verification.ReceiptCheck;
import network.synod.core.verification.ReplayGuard;
import network.synod.core.verification.Signatures;

/** Every answer carries a receipt signed with the key the metadata reports, for the declared digest. */
@QuarkusTest
class ReceiptsQuarkusTest {

    @Test
    void answersCarryAVerifiableReceipt() throws Exception {
        JsonPath meta =
                given().get("/v2/models/model").then().statusCode(200).extract().jsonPath();
        PublicKey key = Signatures.publicKey(meta.getString("parameters.publicKey"));
        String digest = meta.getString("parameters.modelDigest");
        assertEquals(Hashes.sha256Hex("synod-reference/last"), digest);
        assertEquals("model", meta.getString("parameters.worker"));

        double[] window = {1.5, 2.5, 4.25};
        JsonNode answer = Oip.ok(Oip.post(
                "model",
                Oip.request(
                        "req-7",
                        java.util.Map.of("step", 3, "season", 0),
                        java.util.List.of(Oip.tensor("window", window, 3)))));
        Receipt r = Oip.JSON.treeToValue(answer.path("parameters").path("receipt"), Receipt.class);
        ReceiptCheck.Result check = new ReceiptCheck(new ReplayGuard(10), Duration.ofMinutes(1))
                .check(
                        r,
                        new ReceiptCheck.Expected(
                                "model", key, digest, Hashes.inputHash("req-7", 3, 0, window), new double[] {4.25}),
                        Instant.now());
        assertTrue(check.ok(), check.detail());
    }
}
