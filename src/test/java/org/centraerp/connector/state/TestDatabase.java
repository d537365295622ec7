package org.centraerp.connector.state;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * An isolated, throw-away state database on H2, PostgreSQL (fresh schema) or MariaDB (fresh database).
 * PostgreSQL and MariaDB must be reachable: an unreachable server fails the tests, it never skips them.
 */
public abstract class TestDatabase implements AutoCloseable {

    protected final String name = "state_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
            .toLowerCase(Locale.ROOT);
    private HikariDataSource dataSource;
    private String openedUrl;

    abstract String describe();

    /** Creates the schema/database and returns the JDBC URL that points into it. */
    abstract String create() throws SQLException;

    abstract void drop() throws SQLException;

    String user() {
        return null;
    }

    String startHint() {
        return "";
    }

    public DataSource open() {
        String url;
        try {
            url = create();
            openedUrl = url;
        } catch (SQLException e) {
            throw new AssertionError(describe() + " is not reachable (" + e.getMessage() + "). These tests need it: "
                    + startHint() + ", or point the environment variable at a running one.", e);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user());
        config.setMaximumPoolSize(6);
        config.setPoolName(name);
        dataSource = new HikariDataSource(config);
        return dataSource;
    }

    /** The JDBC URL into this test's schema or database, once {@link #open()} created it. */
    public String url() {
        return openedUrl;
    }

    /** The user to connect as; null for none. */
    public String username() {
        return user();
    }

    @Override
    public void close() throws SQLException {
        if (dataSource != null) {
            dataSource.close();
        }
        drop();
    }

    static String env(String key, String fallback) {
        String value = System.getenv(key);
        return value == null || value.isBlank() ? fallback : value;
    }

    static void execute(String url, String user, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    public static final class H2 extends TestDatabase {
        @Override
        String describe() {
            return "H2 in memory";
        }

        @Override
        String create() {
            return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
        }

        @Override
        String user() {
            return "sa";
        }

        @Override
        void drop() throws SQLException {
            execute("jdbc:h2:mem:" + name, "sa", "SHUTDOWN");
        }
    }

    public static final class Postgresql extends TestDatabase {
        private final String url = env("STATE_TEST_POSTGRESQL_URL", "jdbc:postgresql://127.0.0.1:5432/test");

        @Override
        String describe() {
            return "PostgreSQL at " + url + " (STATE_TEST_POSTGRESQL_URL)";
        }

        @Override
        String user() {
            return "postgres";
        }

        @Override
        String startHint() {
            return "start it with 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start'";
        }

        @Override
        String create() throws SQLException {
            execute(url, user(), "CREATE SCHEMA " + name);
            return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name;
        }

        @Override
        void drop() throws SQLException {
            execute(url, user(), "DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
    }

    public static final class Mariadb extends TestDatabase {
        private final String url = env("STATE_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test");

        @Override
        String describe() {
            return "MariaDB at " + url + " (STATE_TEST_MARIADB_URL)";
        }

        @Override
        String user() {
            return "root";
        }

        @Override
        String startHint() {
            return "start it with 'start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd'";
        }

        @Override
        String create() throws SQLException {
            execute(url, user(), "CREATE DATABASE " + name);
            return url.replaceAll("/[^/]*$", "/") + name;
        }

        @Override
        void drop() throws SQLException {
            execute(url, user(), "DROP DATABASE IF EXISTS " + name);
        }
    }
}
