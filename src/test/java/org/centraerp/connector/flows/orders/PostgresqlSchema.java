package org.centraerp.connector.flows.orders;

import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A fresh PostgreSQL schema for one test, dropped afterwards (127.0.0.1:5432, database test, user postgres;
 * ORDERS_TEST_POSTGRESQL_URL). An unreachable server fails the test with how to start it; it never skips.
 */
public final class PostgresqlSchema implements AutoCloseable {

    public static final String SERVER = System.getenv().getOrDefault("ORDERS_TEST_POSTGRESQL_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = "postgres";

    private final String name;
    private final HikariDataSource dataSource;

    private PostgresqlSchema(String name) {
        this.name = name;
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url());
        dataSource.setUsername(USER);
        dataSource.setMaximumPoolSize(2);
        dataSource.setPoolName(name);
    }

    public static PostgresqlSchema create(String prefix) {
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
        try {
            execute("CREATE SCHEMA " + name);
        } catch (SQLException e) {
            throw new AssertionError("PostgreSQL at " + SERVER + " is not reachable (" + e.getMessage() + "). This test"
                    + " needs it: start it with 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start',"
                    + " or set ORDERS_TEST_POSTGRESQL_URL.", e);
        }
        return new PostgresqlSchema(name);
    }

    /** JDBC URL that points into this schema. */
    public String url() {
        return SERVER + (SERVER.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    public JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }

    /** The ERP's order header and line tables of the default mapping (samples/erp/order-tables.sql). */
    public PostgresqlSchema withErpOrderTables() {
        new ResourceDatabasePopulator(new FileSystemResource("samples/erp/order-tables.sql")).execute(dataSource);
        return this;
    }

    @Override
    public void close() throws SQLException {
        dataSource.close();
        execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER, USER, ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
