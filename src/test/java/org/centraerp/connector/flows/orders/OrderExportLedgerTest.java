package org.centraerp.connector.flows.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import org.centraerp.connector.state.StateSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/** The exactly-once check of the crash and two-instance tests catches what it must: it is not vacuous. */
class OrderExportLedgerTest {

    @TempDir
    Path erpFolder;

    HikariDataSource dataSource;
    JdbcTemplate state;
    JdbcTemplate erp;

    @BeforeEach
    void databases() throws Exception {
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:h2:mem:ledger-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        StateSchema.migrate(dataSource);
        state = new JdbcTemplate(dataSource);
        erp = state; // one database plays both parts here
        erp.execute("CREATE TABLE erp_order_header (order_number BIGINT, export_version INTEGER)");
        Files.createDirectories(erpFolder.resolve("out/orders"));
        for (long number : List.of(1001L, 1002L)) {
            exported(number, 1);
        }
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    private void exported(long number, int version) throws Exception {
        Files.writeString(erpFolder.resolve("out/orders/order-" + number + "-" + version + ".json"), "{}");
        erp.update("INSERT INTO erp_order_header VALUES (?, ?)", number, version);
        state.update("INSERT INTO connector_order_export (order_number, order_version, export_version, state,"
                + " centra_action, created_at, updated_at) VALUES (?, 'x', ?, 'WRITTEN', 'DONE', CURRENT_TIMESTAMP,"
                + " CURRENT_TIMESTAMP)", number, version);
    }

    private List<String> problems(List<Long> placed) {
        return ExportLedger.read(erpFolder, erp, state).problems(placed);
    }

    @Test
    void eachOrderOnceHasNoProblems() {
        assertThat(problems(List.of(1001L, 1002L))).isEmpty();
    }

    @Test
    void secondCopyOfAnOrderIsCaught() throws Exception {
        Files.writeString(erpFolder.resolve("out/orders/order-1001-2.json"), "{}");
        erp.update("INSERT INTO erp_order_header VALUES (1002, 1)");

        assertThat(problems(List.of(1001L, 1002L))).containsExactlyInAnyOrder(
                "order 1001: file versions [1, 2], expected [1]",
                "order 1002: ERP header row versions [1, 1], expected [1]");
    }

    @Test
    void missingOrderStrayOrderAndHalfWrittenFileAreCaught() throws Exception {
        Files.writeString(erpFolder.resolve("out/orders/order-1003-1.json.tmp"), "{");

        assertThat(problems(List.of(1001L, 1003L))).containsExactlyInAnyOrder(
                "order 1003: no file", "order 1003: no ERP header row",
                "order 1003: export records null, expected [1:WRITTEN]",
                "order 1002 exported but not placed by this test",
                "left-over file order-1003-1.json.tmp");
    }
}
