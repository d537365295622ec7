package org.centraerp.connector.erp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import org.apache.camel.impl.DefaultCamelContext;
import org.centraerp.connector.mapping.MappingRepository;
import org.centraerp.connector.ops.SetupErpTablesCommand;
import org.centraerp.connector.state.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;

/**
 * The connector's ERP tables on a real, empty ERP database: health and the table check name what is missing, the
 * {@code setup-erp-tables} command creates the default tables once, and a table that lacks a column the mapping
 * names is named with that column. One subclass per vendor.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
abstract class ErpSetupContract {

    private TestDatabase database;
    private DataSource dataSource;
    private ErpDatabase erp;
    private DefaultCamelContext camel;

    abstract TestDatabase database();

    @BeforeAll
    void openEmptyDatabase() {
        database = database();
        dataSource = database.open();
        erp = new ErpDatabase(new ErpProperties(Path.of("var/erp"),
                new ErpProperties.Datasource(database.url(), database.username(), "")));
        camel = new DefaultCamelContext();
    }

    @AfterAll
    void close() throws Exception {
        erp.destroy();
        camel.close();
        database.close();
    }

    private ErpTableCheck check(MockEnvironment environment) {
        return new ErpTableCheck(erp, new MappingRepository("mappings", "default", camel),
                new ErpTableProperties(java.util.Map.of()), environment);
    }

    @Test
    void missingTablesAreNamedThenCreatedOnceByTheCommand(CapturedOutput output) {
        ErpTableCheck check = check(new MockEnvironment());

        Health before = check.health();
        assertThat(before.getStatus()).isEqualTo(Status.DOWN);
        assertThat(check.problems()).get().asString()
                .startsWith("ERP database: missing table erp_store (export-master-data)")
                .contains("missing table erp_order_header (export-orders)", "missing table erp_order_line (export-orders)",
                        "missing table erp_return_header (export-returns)",
                        "missing table erp_customer (export-customers)")
                .contains("run the setup-erp-tables command")
                .doesNotContain("\n");
        // the flows an operator turned off need no tables
        assertThat(check(new MockEnvironment().withProperty("connector.orders.enabled", "false")).problems())
                .get().asString().doesNotContain("erp_order_header");
        assertThat(check(new MockEnvironment().withProperty("connector.customers.enabled", "false")).problems())
                .get().asString().doesNotContain("erp_customer");

        int status = SetupErpTablesCommand.run(arguments());
        assertThat(status).isZero();
        assertThat(output.getOut()).contains("setup-erp-tables: created erp_store, erp_market, erp_warehouse,"
                + " erp_pricelist, erp_size_chart, erp_order_header, erp_order_line, erp_return_header,"
                + " erp_return_line, erp_customer, erp_stock_level, erp_product, erp_bundle_component, erp_price, erp_shipment_line")
                .contains("setup-erp-tables: OK, every table the configured flows use is there");
        assertThat(check.health().getStatus()).isEqualTo(Status.UP);
        assertThat(check.problems()).isEmpty();

        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("INSERT INTO erp_stock_level (sku, warehouse, quantity) VALUES ('S', 'W', 1)");
        assertThat(SetupErpTablesCommand.create(dataSource)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM erp_stock_level", Integer.class)).isOne();

        jdbc.execute("ALTER TABLE erp_order_header DROP COLUMN market");
        jdbc.execute("DROP TABLE erp_market");
        jdbc.execute("ALTER TABLE erp_customer DROP COLUMN email");
        assertThat(check.problems()).get().asString()
                .contains("missing table erp_market (export-master-data)")
                .contains("table erp_order_header lacks column market (export-orders)")
                .contains("table erp_customer lacks column email (export-customers)");
        assertThat(check.health().getDetails().get("missing")).asList().hasSize(3);

        assertThat(SetupErpTablesCommand.create(dataSource)).isEqualTo(List.of("erp_market"));
        assertThat(check.problems()).get().asString().startsWith("ERP database: table erp_order_header lacks column"
                + " market (export-orders); table erp_customer lacks column email (export-customers) —");
    }

    private String[] arguments() {
        return new String[] {
                "--connector.erp.datasource.url=" + database.url(),
                "--connector.erp.datasource.username=" + database.username(),
                "--spring.datasource.url=jdbc:h2:mem:erp-setup-" + System.nanoTime()};
    }
}
