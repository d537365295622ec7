package org.centraerp.connector.state;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.ConnectionCallback;

/**
 * Which Centra the state belongs to (table {@code connector_centra_binding}, one row), and the reset that makes a
 * state database new again for another Centra.
 */
public final class CentraBindings {

    /**
     * The Centra a state belongs to.
     *
     * @param url      the Integration API address, or {@code built-in sandbox}
     * @param identity what that Centra says it is: its stores' ids and names, or the sandbox instance; empty when
     *                 Centra could not be asked when the state was bound
     */
    public record Binding(String url, String identity) {
        public Binding {
            identity = identity == null ? "" : identity;
        }

        @Override
        public String toString() {
            return identity.isEmpty() ? url : url + " (" + identity + ")";
        }
    }

    static final String TABLE = "connector_centra_binding";
    private static final String PREFIX = "connector_";

    private final StateDatabase db;

    public CentraBindings(StateDatabase db) {
        this.db = db;
    }

    public Optional<Binding> read() {
        return db.jdbc().query("SELECT centra_url, centra_identity FROM " + TABLE + " WHERE id = 1",
                (rs, row) -> new Binding(rs.getString(1), rs.getString(2))).stream().findFirst();
    }

    /** Records (or replaces) the Centra this state belongs to. */
    public void bind(Binding binding) {
        int updated = db.jdbc().update("UPDATE " + TABLE + " SET centra_url = ?, centra_identity = ?, bound_at = ?"
                + " WHERE id = 1", binding.url(), binding.identity(), db.now());
        if (updated == 0) {
            db.jdbc().update("INSERT INTO " + TABLE + " (id, centra_url, centra_identity, bound_at) VALUES (1, ?, ?, ?)",
                    binding.url(), binding.identity(), db.now());
        }
    }

    /**
     * Records the Centra unless one is recorded already (another instance on the same state database may have
     * just done so).
     *
     * @return false when a binding was there
     */
    public boolean bindIfAbsent(Binding binding) {
        try {
            db.jdbc().update("INSERT INTO " + TABLE + " (id, centra_url, centra_identity, bound_at) VALUES (1, ?, ?, ?)",
                    binding.url(), binding.identity(), db.now());
            return true;
        } catch (org.springframework.dao.DuplicateKeyException alreadyBound) {
            return false;
        }
    }

    /**
     * Empties every state table ({@code connector_*}: what was sent, ids, versions, watermarks, dead letters, file
     * locks, the binding). The schema and its migration history stay.
     *
     * @return the tables emptied
     */
    public List<String> resetAll() {
        List<String> tables = stateTables();
        for (String table : tables) {
            db.jdbc().update("DELETE FROM " + table);
        }
        return tables;
    }

    /** The connector's tables in the state database's current schema. */
    List<String> stateTables() {
        return db.jdbc().execute((ConnectionCallback<List<String>>) connection -> {
            List<String> tables = new ArrayList<>();
            DatabaseMetaData meta = connection.getMetaData();
            try (ResultSet rs = meta.getTables(connection.getCatalog(), schemaOf(connection), "%",
                    new String[] {"TABLE"})) {
                while (rs.next()) {
                    String name = rs.getString("TABLE_NAME");
                    if (name.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
                        tables.add(name);
                    }
                }
            }
            if (tables.isEmpty()) {
                throw new DataAccessResourceFailureException("no connector_* tables in the state database's schema");
            }
            return tables.stream().sorted().toList();
        });
    }

    private static String schemaOf(Connection connection) {
        try {
            return connection.getSchema();
        } catch (SQLException | AbstractMethodError e) {
            return null;
        }
    }
}
