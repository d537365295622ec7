package org.centraerp.connector.erp;

import java.nio.file.Path;

import org.centraerp.connector.state.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link ErpTablesContract} with the ERP tables on Mariadb (fails, never skips, when it is not running). */
class ErpTablesMariadbTest extends ErpTablesContract {

    static final TestDatabase DATABASE = new TestDatabase.Mariadb();
    static final JdbcTemplate TABLES = erpTables(DATABASE);
    static final Path FOLDER = createFolder("erp-tables-mariadb");

    @DynamicPropertySource
    static void erpDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:erp-tables-mariadb;DB_CLOSE_DELAY=-1");
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
}
