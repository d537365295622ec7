package org.centraerp.connector.flows.returns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.centraerp.connector.state.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link ReturnExportContract} with the ERP's return tables on Mariadb (fails, never skips, when it is not running). */
class ReturnExportMariadbTest extends ReturnExportContract {

    static final TestDatabase DATABASE = new TestDatabase.Mariadb();
    static final JdbcTemplate TABLES = returnTables(DATABASE);
    static final Path FOLDER = folder();

    @DynamicPropertySource
    static void erpDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:returns-export-mariadb;DB_CLOSE_DELAY=-1");
        registry.add("connector.erp.datasource.url", DATABASE::url);
        registry.add("connector.erp.datasource.username", DATABASE::username);
        registry.add("connector.erp.folder", FOLDER::toString);
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        DATABASE.close();
    }

    @Override
    JdbcTemplate erp() {
        return TABLES;
    }

    @Override
    Path erpFolder() {
        return FOLDER;
    }

    private static Path folder() {
        try {
            return Files.createTempDirectory("returns-export-mariadb");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
