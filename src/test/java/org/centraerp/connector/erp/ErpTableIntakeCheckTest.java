package org.centraerp.connector.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.apache.camel.impl.DefaultCamelContext;
import org.centraerp.connector.mapping.MappingRepository;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** A table source that cannot work stops the start with one line per problem, each saying what to set. */
class ErpTableIntakeCheckTest {

    @Test
    void misconfiguredTablesAreRefusedWithWhatToFix() {
        ErpProperties erp = new ErpProperties(Path.of("target/erp-table-check"), new ErpProperties.Datasource("", "", ""));
        ErpTableProperties tables = new ErpTableProperties(Map.of(
                "stock", new ErpTableProperties.Table(true, "0 * * * * ?", "SELECT sku, warehouse, quantity FROM s",
                        null, "number", "0"),
                "shipments", new ErpTableProperties.Table(true, "0 * * * * ?", "SELECT * FROM erp_shipment_line",
                        "row_id", "number", "0"),
                "prices", new ErpTableProperties.Table(true, "0 * * * * ?", " ", null, "date", "0"),
                "invoices", new ErpTableProperties.Table(true, "0 * * * * ?", "SELECT 1", null, "number", "0")));
        ErpTableIntake intake = new ErpTableIntake(tables, new ErpDatabase(erp), erp,
                new MappingRepository("mappings", "default", new DefaultCamelContext()), null, null);

        assertThatThrownBy(intake::check).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("connector.erp.tables.stock.enabled is true but no ERP database is configured:"
                        + " set ERP_DB_URL")
                .hasMessageContaining("connector.erp.tables.shipments.query has no :watermark")
                .hasMessageContaining("connector.erp.tables.prices.query is empty")
                .hasMessageContaining("connector.erp.tables.prices.watermark-type is 'date'")
                .hasMessageContaining("connector.erp.tables.invoices: no flow 'invoices' takes ERP files");
    }

    @Test
    void aTableCannotFeedAnInboxThatIsNoLocalFolderAndTheUrisPasswordIsNotRepeated() {
        ErpProperties erp = new ErpProperties(Path.of("target/erp-table-check"),
                new ErpProperties.Datasource("jdbc:h2:mem:erp-table-check", "", ""));
        ErpTableProperties tables = new ErpTableProperties(Map.of(
                "stock", new ErpTableProperties.Table(true, "0 * * * * ?", "SELECT sku, warehouse, quantity FROM s",
                        null, "number", "0"),
                "shipments", new ErpTableProperties.Table(true, "0 * * * * ?",
                        "SELECT * FROM erp_shipment_line WHERE row_id > :watermark", "row_id", "number", "0")));
        MockEnvironment environment = new MockEnvironment()
                .withProperty("connector.stock.inbox", "sftp://erp@erp.example:22/in/stock?password=s3cret")
                .withProperty("connector.shipments.inbox", "file:target/erp-table-check/ships?readLock=changed");
        ErpTableIntake intake = new ErpTableIntake(tables, new ErpDatabase(erp), erp,
                new MappingRepository("mappings", "default", new DefaultCamelContext()), null, environment);

        assertThat(intake.localInbox("shipments")).contains(Path.of("target/erp-table-check/ships"));
        assertThat(intake.localInbox("returns")).contains(Path.of("target/erp-table-check/in/returns"));
        assertThatThrownBy(intake::check).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("connector.erp.tables.stock.enabled is true but connector.stock.inbox is not"
                        + " a file: endpoint (sftp:…)")
                .hasMessageNotContaining("s3cret")
                .hasMessageNotContaining("connector.erp.tables.shipments");
    }
}
