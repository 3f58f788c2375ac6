package network.synod.payouts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import network.synod.embedded.MigrationCheck;

/**
 * An upgraded payouts database has exactly the schema of a new one (services/embedded MigrationCheck): one at the
 * version before the latest, and one as the service left it before it had migrations (schema.sql in public), each
 * with rows in every table.
 */
class MigrationIT {

    @Test
    void upgradedDatabasesMatchANewOne() throws Exception {
        String rows = resource("/db/rows.sql");
        MigrationCheck.Report report = MigrationCheck.of("payouts")
                .legacy(resource("/db/pre-flyway-schema.sql") + "\n" + rows)
                .rowsAt("1", rows)
                .verify();
        assertEquals(List.of("V1 -> V2", "pre-Flyway (public) -> V2"), report.upgradesChecked());
    }

    static String resource(String name) throws IOException {
        try (InputStream in = MigrationIT.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
