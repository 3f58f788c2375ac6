package network.synod.payouts;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import org.awaitility.Awaitility;

/** Waits on what the API shows instead of sleeping past the tests' unbonding delay (0.3 s). */
final class Unbonding {

    private Unbonding() {}

    /** Returns once every unbonding request of {@code participant} has matured, as its stake positions show. */
    static void awaitMatured(String participant) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<String> maturesAt = given().get("/v1/participants/" + participant + "/stake")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("unbonding.maturesAt", String.class);
            return !maturesAt.isEmpty()
                    && maturesAt.stream().allMatch(t -> OffsetDateTime.parse(t).isBefore(OffsetDateTime.now()));
        });
    }
}
