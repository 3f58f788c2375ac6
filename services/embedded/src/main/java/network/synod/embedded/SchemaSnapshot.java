package network.synod.embedded;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Everything that makes up one PostgreSQL schema, read from {@code pg_catalog}: relations (with their storage
 * options), columns (position among the live columns, type, default, nullability, identity, generation, collation),
 * constraints with their definitions, indexes, sequences (their parameters and owning column, not their current
 * value), triggers, functions and procedures, views. Two snapshots are equal when the schemas are the same shape;
 * {@link #diff} names what differs. Rows are not part of it.
 *
 * <p>Definitions are read with {@code search_path} set to the schema, so names inside them are unqualified and two
 * databases compare equal whatever they are called.
 */
public final class SchemaSnapshot {

    private final String schema;
    private final TreeSet<String> lines;

    private SchemaSnapshot(String schema, TreeSet<String> lines) {
        this.schema = schema;
        this.lines = lines;
    }

    /** Reads {@code schema} through {@code c}; an absent schema reads as empty. */
    public static SchemaSnapshot read(Connection c, String schema) throws SQLException {
        String previousPath = single(c, "SELECT current_setting('search_path')");
        try {
            try (PreparedStatement s = c.prepareStatement("SELECT set_config('search_path', quote_ident(?), false)")) {
                s.setString(1, schema);
                s.execute();
            }
            TreeSet<String> lines = new TreeSet<>();
            add(c, schema, lines, "relation", """
                    SELECT c.relname, c.relkind::text, coalesce(array_to_string(c.reloptions, ','), ''),
                           c.relpersistence::text
                    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')""");
            add(c, schema, lines, "column", """
                    SELECT c.relname, a.attname,
                           row_number() OVER (PARTITION BY c.oid ORDER BY a.attnum),
                           format_type(a.atttypid, a.atttypmod), a.attnotnull::text,
                           coalesce(pg_get_expr(d.adbin, d.adrelid), ''), a.attidentity::text, a.attgenerated::text,
                           coalesce(co.collname, '')
                    FROM pg_attribute a
                    JOIN pg_class c ON c.oid = a.attrelid
                    JOIN pg_namespace n ON n.oid = c.relnamespace
                    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                    LEFT JOIN pg_collation co ON co.oid = a.attcollation AND a.attcollation <> 100
                    WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND a.attnum > 0
                      AND NOT a.attisdropped""");
            add(c, schema, lines, "constraint", """
                    SELECT cl.relname, con.conname, con.contype::text, pg_get_constraintdef(con.oid, true),
                           con.condeferrable::text, con.condeferred::text, con.convalidated::text
                    FROM pg_constraint con
                    JOIN pg_class cl ON cl.oid = con.conrelid
                    JOIN pg_namespace n ON n.oid = con.connamespace
                    WHERE n.nspname = ?""");
            add(c, schema, lines, "index", """
                    SELECT t.relname, i.relname, pg_get_indexdef(i.oid),
                           coalesce(array_to_string(i.reloptions, ','), '')
                    FROM pg_index x
                    JOIN pg_class i ON i.oid = x.indexrelid
                    JOIN pg_class t ON t.oid = x.indrelid
                    JOIN pg_namespace n ON n.oid = i.relnamespace
                    WHERE n.nspname = ?""");
            add(c, schema, lines, "sequence", """
                    SELECT s.sequencename, s.data_type::text, s.start_value, s.min_value, s.max_value,
                           s.increment_by, s.cycle::text, s.cache_size,
                           coalesce((SELECT t.relname || '.' || a.attname
                                     FROM pg_depend d
                                     JOIN pg_class t ON t.oid = d.refobjid
                                     JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                                     WHERE d.classid = 'pg_class'::regclass
                                       AND d.objid = format('%I.%I', s.schemaname, s.sequencename)::regclass
                                       AND d.deptype IN ('a', 'i')), '')
                    FROM pg_sequences s WHERE s.schemaname = ?""");
            add(c, schema, lines, "trigger", """
                    SELECT c.relname, t.tgname, pg_get_triggerdef(t.oid, true), t.tgenabled::text
                    FROM pg_trigger t
                    JOIN pg_class c ON c.oid = t.tgrelid
                    JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = ? AND NOT t.tgisinternal""");
            add(c, schema, lines, "function", """
                    SELECT p.proname, pg_get_function_identity_arguments(p.oid), p.prokind::text,
                           pg_get_functiondef(p.oid)
                    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                    WHERE n.nspname = ? AND p.prokind IN ('f', 'p', 'w')""");
            add(c, schema, lines, "view", """
                    SELECT c.relname, pg_get_viewdef(c.oid, true)
                    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = ? AND c.relkind IN ('v', 'm')""");
            add(c, schema, lines, "type", """
                    SELECT t.typname, t.typtype::text,
                           coalesce((SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
                                     FROM pg_enum e WHERE e.enumtypid = t.oid), '')
                    FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                    WHERE n.nspname = ? AND t.typtype IN ('e', 'd')""");
            return new SchemaSnapshot(schema, lines);
        } finally {
            try (PreparedStatement s = c.prepareStatement("SELECT set_config('search_path', ?, false)")) {
                s.setString(1, previousPath);
                s.execute();
            }
        }
    }

    private static void add(Connection c, String schema, TreeSet<String> lines, String kind, String sql)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, schema);
            try (ResultSet r = s.executeQuery()) {
                ResultSetMetaData m = r.getMetaData();
                while (r.next()) {
                    StringBuilder line = new StringBuilder(kind);
                    for (int i = 1; i <= m.getColumnCount(); i++) {
                        line.append(" | ").append(r.getString(i));
                    }
                    lines.add(line.toString());
                }
            }
        }
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }

    public String schema() {
        return schema;
    }

    /** One line per object, sorted. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    /** What only this snapshot has ({@code -}) and what only {@code other} has ({@code +}); empty when equal. */
    public List<String> diff(SchemaSnapshot other) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            if (!other.lines.contains(l)) {
                out.add("- " + l);
            }
        }
        for (String l : other.lines) {
            if (!lines.contains(l)) {
                out.add("+ " + l);
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SchemaSnapshot s && s.lines.equals(lines);
    }

    @Override
    public int hashCode() {
        return lines.hashCode();
    }

    @Override
    public String toString() {
        return schema + ":\n  " + String.join("\n  ", lines);
    }
}
