package org.centraerp.connector.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.centraerp.connector.state.TestDatabase;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * An ERP for one test class: a fresh schema or database on a real server with the shipped DDL in it, an ERP folder
 * of its own, and the connector's properties pointing at both (its own state stays in H2 in memory). Held in a
 * {@code @RegisterExtension static} field, it drops its schema or database after the class's tests.
 */
public final class ErpTestDatabase implements AutoCloseable, AfterAllCallback {

    private final String name;
    private final TestDatabase database;
    private final JdbcTemplate jdbc;
    private final Path folder;
    private boolean closed;

    private ErpTestDatabase(String name, TestDatabase database, JdbcTemplate jdbc, Path folder) {
        this.name = name;
        this.database = database;
        this.jdbc = jdbc;
        this.folder = folder;
    }

    /** Opens {@code database} (failing, never skipping, when its server is down) and runs {@code ddl} in it. */
    public static ErpTestDatabase open(String name, TestDatabase database, String ddl) {
        JdbcTemplate jdbc = new JdbcTemplate(database.open());
        SqlScript.run(jdbc, ddl);
        try {
            return new ErpTestDatabase(name, database, jdbc, Files.createTempDirectory(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Points the connector at this ERP: its database, its folder, and an H2 state database of its own. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        registry.add("connector.erp.datasource.url", database::url);
        registry.add("connector.erp.datasource.username", database::username);
        registry.add("connector.erp.folder", folder::toString);
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    public Path folder() {
        return folder;
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        close();
    }

    /** Drops the schema or database; a second call does nothing. */
    @Override
    public synchronized void close() throws Exception {
        if (!closed) {
            closed = true;
            database.close();
        }
    }
}
