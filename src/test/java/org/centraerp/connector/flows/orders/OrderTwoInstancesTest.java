package org.centraerp.connector.flows.orders;

import org.centraerp.connector.testsupport.ConnectorProcess;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two connector instances on one PostgreSQL state database, one ERP folder and one set of ERP tables, polling the
 * same Centra: they share the work and no order is exported twice.
 */
class OrderTwoInstancesTest extends ChildConnectorSupport {

    @TempDir
    Path temp;

    @Test
    void twoInstancesOnOneStateDatabaseExportEachOrderOnce() throws Exception {
        try (PostgresqlSchema state = PostgresqlSchema.create("orders_two_state");
             PostgresqlSchema erp = PostgresqlSchema.create("orders_two_erp").withErpOrderTables()) {
            Path erpFolder = temp.resolve("erp");
            List<String> arguments = connectorArguments(state, erp, erpFolder);
            List<Long> placed = new ArrayList<>(placeOrders(40));
            try (ConnectorProcess a = ConnectorProcess.start("a", temp.resolve("a.log"), arguments);
                 ConnectorProcess b = ConnectorProcess.start("b", temp.resolve("b.log"), arguments)) {
                awaitStarted(a, b);
                placed.addAll(placeOrders(40)); // while both run
                awaitAllExported(state.jdbc(), placed, Duration.ofSeconds(60));
                a.kill();
                b.kill();
                String exported = "exported to the ERP as version";
                assertThat(a.count(exported)).as("orders exported by instance a").isPositive();
                assertThat(b.count(exported)).as("orders exported by instance b").isPositive();
                assertThat(a.count(exported) + b.count(exported)).isEqualTo(placed.size());
            }
            assertThat(ExportLedger.read(erpFolder, erp.jdbc(), state.jdbc()).problems(placed)).isEmpty();
        }
    }
}
