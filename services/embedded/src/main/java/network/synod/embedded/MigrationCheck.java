package network.synod.embedded;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Checks a service's Flyway migrations the way its databases meet them: an upgraded database must end up with
 * exactly the schema of a new one. On a private PostgreSQL, each in a database of its own:
 * <ol>
 * <li><b>fresh</b>: an empty database migrated to the latest version;</li>
 * <li><b>previous</b> (when there are two versions or more): an empty database migrated to the version before the
 * latest, given the rows of {@link #rowsAt}, then migrated to the latest;</li>
 * <li><b>legacy</b> (when {@link #legacy} is given): a database as the service left it before it had migrations
 * (its tables in {@code public}, with rows), then migrated to the latest.</li>
 * </ol>
 * Each upgraded database must have the {@link SchemaSnapshot} of the fresh one, in the service's schema and in
 * {@code public} (nothing left behind there), and keep the rows it had in every table that still exists. Migrating
 * any of them once more must do nothing.
 *
 * <p>Flyway is configured as the services configure Quarkus: {@code schemas=<schema>}, {@code createSchemas},
 * {@code classpath:db/migration}.
 */
public final class MigrationCheck {

    private final String schema;
    private String location = "classpath:db/migration";
    private String legacySql;
    private final Map<String, String> rowsAt = new LinkedHashMap<>();

    private MigrationCheck(String schema) {
        this.schema = schema;
    }

    /** The check of the migrations that make {@code schema}. */
    public static MigrationCheck of(String schema) {
        return new MigrationCheck(schema);
    }

    /** Where the migrations are ({@code classpath:db/migration} unless set). */
    public MigrationCheck location(String location) {
        this.location = location;
        return this;
    }

    /**
     * The state before the first migration: SQL run with {@code search_path=public} on an empty database, making the
     * tables the service made before it had migrations and putting representative rows in them.
     */
    public MigrationCheck legacy(String sql) {
        this.legacySql = sql;
        return this;
    }

    /** Representative rows, inserted (with {@code search_path} the service's schema) once the database is at {@code version}. */
    public MigrationCheck rowsAt(String version, String sql) {
        rowsAt.put(version, sql);
        return this;
    }

    /** Runs the check on a private PostgreSQL of its own. */
    public Report verify() throws Exception {
        try (LocalPostgres pg = LocalPostgres.startEphemeral()) {
            return verify(pg);
        }
    }

    /** What was compared: the versions found, and which upgrades were checked against the fresh database. */
    public record Report(List<String> versions, List<String> upgradesChecked, SchemaSnapshot fresh) {}

    /** Runs the check on {@code pg}, creating databases in it. */
    public Report verify(LocalPostgres pg) throws Exception {
        String fresh = database(pg, "fresh");
        migrate(fresh, null);
        Snapshots expected = snapshots(fresh);
        if (expected.own.isEmpty()) {
            throw new AssertionError("migrating an empty database made nothing in schema " + schema);
        }
        List<String> versions = versions(fresh);
        List<String> checked = new ArrayList<>();

        if (versions.size() >= 2) {
            String previous = versions.get(versions.size() - 2);
            String sql = rowsAt.get(previous);
            if (sql == null) {
                throw new AssertionError("no rows given for version " + previous
                        + " (rowsAt): an upgrade of an empty database proves little");
            }
            String db = database(pg, "previous");
            migrate(db, previous);
            execute(db, schema, sql);
            Map<String, Long> before = counts(db, schema);
            migrate(db, null);
            compare("at version " + previous + ", then upgraded", expected, snapshots(db));
            compareCounts("at version " + previous, before, counts(db, schema));
            migrateAgainIsNoOp(db);
            checked.add("V" + previous + " -> V" + versions.get(versions.size() - 1));
        }

        if (legacySql != null) {
            String db = database(pg, "legacy");
            execute(db, "public", legacySql);
            Map<String, Long> before = counts(db, "public");
            migrate(db, null);
            compare("as before migrations (tables in public), then upgraded", expected, snapshots(db));
            compareCounts("as before migrations", before, counts(db, schema));
            migrateAgainIsNoOp(db);
            checked.add("pre-Flyway (public) -> V" + versions.get(versions.size() - 1));
        }

        if (checked.isEmpty()) {
            throw new AssertionError("nothing to compare with a fresh database: one version and no legacy state");
        }
        migrateAgainIsNoOp(fresh);
        return new Report(versions, checked, expected.own);
    }

    private record Snapshots(SchemaSnapshot own, SchemaSnapshot pub) {}

    private Snapshots snapshots(String url) throws SQLException {
        try (Connection c = connect(url)) {
            return new Snapshots(SchemaSnapshot.read(c, schema), SchemaSnapshot.read(c, "public"));
        }
    }

    private void compare(String how, Snapshots expected, Snapshots actual) {
        List<String> diff = new ArrayList<>();
        expected.own.diff(actual.own).forEach(l -> diff.add(schema + ": " + l));
        expected.pub.diff(actual.pub).forEach(l -> diff.add("public: " + l));
        if (!diff.isEmpty()) {
            throw new AssertionError("a database " + how + " differs from a new one (- new only, + upgraded only):\n  "
                    + String.join("\n  ", diff));
        }
    }

    private static void compareCounts(String how, Map<String, Long> before, Map<String, Long> after) {
        if (before.values().stream().allMatch(n -> n == 0)) {
            throw new AssertionError("the database " + how + " had no rows: give representative rows");
        }
        List<String> lost = new ArrayList<>();
        before.forEach((table, n) -> {
            Long now = after.get(table);
            if (now != null && !Objects.equals(now, n)) {
                lost.add(table + ": " + n + " rows before, " + now + " after");
            }
        });
        if (!lost.isEmpty()) {
            throw new AssertionError(
                    "upgrading the database " + how + " changed its rows:\n  " + String.join("\n  ", lost));
        }
    }

    private void migrateAgainIsNoOp(String url) {
        MigrateResult again = flyway(url, null).migrate();
        if (again.migrationsExecuted != 0) {
            throw new AssertionError(
                    "migrating an up-to-date database ran " + again.migrationsExecuted + " migrations");
        }
    }

    private List<String> versions(String url) {
        return Arrays.stream(flyway(url, null).info().all())
                .map(MigrationInfo::getVersion)
                .filter(v -> v != null && !MigrationVersion.EMPTY.equals(v) && !"0".equals(v.getVersion()))
                .distinct()
                .sorted()
                .map(MigrationVersion::getVersion)
                .toList();
    }

    private void migrate(String url, String target) {
        flyway(url, target).migrate();
    }

    private Flyway flyway(String url, String target) {
        var config = Flyway.configure()
                .dataSource(url, LocalPostgres.USER, "")
                .schemas(schema)
                .createSchemas(true)
                .cleanDisabled(true)
                .locations(location);
        if (target != null) {
            config.target(target);
        }
        return config.load();
    }

    private static String database(LocalPostgres pg, String name) throws SQLException {
        try (Connection c = connect(pg.jdbcUrl());
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return pg.jdbcUrl(name);
    }

    private static void execute(String url, String searchPath, String sql) throws SQLException {
        try (Connection c = connect(url);
                Statement s = c.createStatement()) {
            s.execute("SET search_path = " + searchPath);
            s.execute(sql);
        }
    }

    private static Map<String, Long> counts(String url, String inSchema) throws SQLException {
        Map<String, Long> out = new TreeMap<>();
        try (Connection c = connect(url);
                Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = '" + inSchema
                    + "' AND tablename <> 'flyway_schema_history'")) {
                while (r.next()) {
                    tables.add(r.getString(1));
                }
            }
            for (String t : tables) {
                try (ResultSet r = s.executeQuery("SELECT count(*) FROM \"" + inSchema + "\".\"" + t + "\"")) {
                    r.next();
                    out.put(t, r.getLong(1));
                }
            }
        }
        return out;
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, LocalPostgres.USER, "");
    }
}
