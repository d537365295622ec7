package org.centraerp.connector.flows.masterdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.camel.ProducerTemplate;
import org.centraerp.connector.state.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Master data into the ERP's staging tables (the DDL shipped in samples/erp/), on a real database of each
 * supported kind: every export replaces the rows, so a store removed in Centra disappears from the ERP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "connector.sandbox.rate-limit-tier=NONE",
        "connector.master-data.at-start=false"})
@DirtiesContext // its ERP database is dropped after the class
abstract class MasterDataErpTablesContract {

    @TempDir
    static Path erpFolder;

    static TestDatabase erp;
    static DataSource erpDataSource;

    static void erpDatabase(TestDatabase database, DynamicPropertyRegistry registry) throws Exception {
        erp = database;
        erpDataSource = database.open();
        new ResourceDatabasePopulator(new FileSystemResource("samples/erp/master-data-tables.sql")).execute(erpDataSource);
        new JdbcTemplate(erpDataSource).update("INSERT INTO erp_store (store_id, store_name, channel) VALUES (99, 'Closed shop', 'B2C')");
        registry.add("connector.erp.folder", erpFolder::toString);
        registry.add("connector.erp.datasource.url", ((HikariDataSource) erpDataSource)::getJdbcUrl);
        registry.add("connector.erp.datasource.username", ((HikariDataSource) erpDataSource)::getUsername);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:erp-tables-" + database.getClass().getSimpleName()
                + ";DB_CLOSE_DELAY=-1");
    }

    @AfterAll
    static void dropErpDatabase() throws Exception {
        erp.close();
    }

    @Autowired
    ProducerTemplate routes;

    @Test
    void exportReplacesTheStagingTablesRows() {
        routes.sendBody("direct:export-master-data", null);

        JdbcTemplate jdbc = new JdbcTemplate(erpDataSource);
        List<Map<String, Object>> stores = jdbc.queryForList(
                "SELECT store_id, store_name, channel FROM erp_store ORDER BY store_id");
        assertThat(stores).extracting(row -> row.get("store_name")).containsExactly("Retail", "Wholesale");
        assertThat(stores).extracting(row -> row.get("channel")).containsExactly("B2C", "B2B");
        assertThat(jdbc.queryForObject("SELECT countries FROM erp_market WHERE market_id = 2", String.class))
                .isEqualTo("DK|FI|FR|DE|NL|NO|PL");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM erp_pricelist", Integer.class)).isEqualTo(4);
        assertThat(jdbc.queryForObject("SELECT sizes FROM erp_size_chart WHERE size_chart_name = 'S-M-L'", String.class))
                .isEqualTo("S|M|L");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM erp_warehouse WHERE active = '1'", Integer.class)).isEqualTo(2);
    }
}
