package network.synod.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** MigrationCheck passes matching migrations and fails each kind of divergence it is there to catch. */
class MigrationCheckIT {

    private static final String LEGACY =
            "CREATE TABLE t (id int PRIMARY KEY, name text NOT NULL);" + " INSERT INTO t VALUES (1, 'a'), (2, 'b');";
    private static final String ROWS = "INSERT INTO t VALUES (1, 'a'), (2, 'b');";

    private static MigrationCheck check(String dir) {
        return MigrationCheck.of("svc")
                .location("classpath:migrationcheck/" + dir)
                .legacy(LEGACY)
                .rowsAt("1", ROWS);
    }

    @Test
    void matchingMigrationsPass() throws Exception {
        MigrationCheck.Report report = check("same").verify();
        assertEquals(List.of("1", "2"), report.versions());
        assertEquals(List.of("V1 -> V2", "pre-Flyway (public) -> V2"), report.upgradesChecked());
        assertTrue(
                report.fresh()
                        .lines()
                        .contains("index | t | t_name | CREATE INDEX t_name ON svc.t USING btree (name) | "),
                report.fresh().toString());
    }

    @Test
    void aBaselineThatDiffersFromThePreFlywayTablesFails() {
        AssertionError e =
                assertThrows(AssertionError.class, () -> check("divergent").verify());
        assertTrue(e.getMessage().contains("svc: - column | t | name | 2 | character varying(10)"), e.getMessage());
        assertTrue(e.getMessage().contains("svc: + column | t | name | 2 | text"), e.getMessage());
    }

    @Test
    void aMigrationWhoseResultDependsOnTheRowsFails() {
        AssertionError e =
                assertThrows(AssertionError.class, () -> check("data-dependent").verify());
        assertTrue(e.getMessage().contains("at version 1, then upgraded differs"), e.getMessage());
        assertTrue(e.getMessage().contains("- index | t | t_name"), e.getMessage());
    }

    @Test
    void aMigrationThatLosesRowsFails() {
        AssertionError e =
                assertThrows(AssertionError.class, () -> check("loses-rows").verify());
        assertTrue(e.getMessage().contains("t: 2 rows before, 1 after"), e.getMessage());
    }
}
