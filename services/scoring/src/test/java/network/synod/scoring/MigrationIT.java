package network.synod.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import network.synod.embedded.MigrationCheck;

/** An upgraded scoring database has exactly the schema of a new one (services/embedded MigrationCheck). */
class MigrationIT {

    @Test
    void upgradedDatabasesMatchANewOne() throws Exception {
        MigrationCheck.Report report = MigrationCheck.of("scoring")
                .legacy(resource("/db/pre-flyway.sql"))
                .verify();
        assertEquals(java.util.List.of("pre-Flyway (public) -> V1"), report.upgradesChecked());
    }

    static String resource(String name) throws IOException {
        try (InputStream in = MigrationIT.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
