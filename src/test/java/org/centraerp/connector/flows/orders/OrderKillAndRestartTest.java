package org.centraerp.connector.flows.orders;

import org.centraerp.connector.testsupport.ConnectorProcess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.centraerp.connector.testsupport.SftpServer;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the connector in the middle of an export, then a restart: every order reaches the ERP folder and the
 * ERP tables exactly once. The killed instance's claimed orders are taken over when their lease (5 s here) ends;
 * an export it left WRITING is finished under the same export version.
 */
class OrderKillAndRestartTest extends ChildConnectorSupport {

    static final int ORDERS = 80;

    @TempDir
    Path temp;

    @Test
    void connectorKilledMidExportAndRestartedExportsEveryOrderOnce() throws Exception {
        killAndRestart("orders_kill", temp.resolve("erp"), List.of());
    }

    /** The same with the orders outbox on an SFTP server (key login): every order file there once, none half. */
    @Test
    void connectorKilledMidExportToAnSftpOutboxAndRestartedExportsEveryOrderOnce() throws Exception {
        try (SftpServer sftp = new SftpServer(temp.resolve("sftp")).start()) {
            Files.createDirectories(sftp.root().resolve("out/orders"));
            // the ledger reads <folder>/out/orders: here the server's folder
            killAndRestart("orders_kill_sftp", sftp.root(),
                    List.of("--connector.orders.outbox=" + sftp.keyUri("out/orders")));
        }
    }

    private void killAndRestart(String name, Path erpFolder, List<String> extra) throws Exception {
        try (PostgresqlSchema state = PostgresqlSchema.create(name + "_state");
             PostgresqlSchema erp = PostgresqlSchema.create(name + "_erp").withErpOrderTables()) {
            List<String> arguments = connectorArguments(state, erp, temp.resolve("erp"));
            arguments.addAll(extra);
            arguments.add("--connector.orders.lease=5s");
            List<Long> placed = placeOrders(ORDERS);

            long writtenAtKill;
            try (ConnectorProcess first = ConnectorProcess.start("first", temp.resolve(name + "-first.log"),
                    arguments)) {
                awaitStarted(first);
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                        .until(() -> ExportLedger.read(erpFolder, erp.jdbc(), state.jdbc()).written(placed) >= ORDERS / 4);
                first.kill();
                writtenAtKill = ExportLedger.read(erpFolder, erp.jdbc(), state.jdbc()).written(placed);
            }
            assertThat(writtenAtKill).as("the kill must land mid-export (raise ORDERS if this fails)")
                    .isBetween(1L, ORDERS - 1L);

            try (ConnectorProcess second = ConnectorProcess.start("second", temp.resolve(name + "-second.log"),
                    arguments)) {
                awaitStarted(second);
                awaitAllExported(state.jdbc(), placed, Duration.ofSeconds(60));
                second.kill(); // freeze the ERP side before looking at it
            }
            assertThat(ExportLedger.read(erpFolder, erp.jdbc(), state.jdbc()).problems(placed)).isEmpty();
        }
    }
}
