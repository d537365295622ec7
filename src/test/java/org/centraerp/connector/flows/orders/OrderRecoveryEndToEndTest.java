package org.centraerp.connector.flows.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import org.centraerp.connector.testsupport.SandboxOrders;
import org.centraerp.connector.sandbox.store.SandboxData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The orders flow on the embedded sandbox when things go missing: every webhook is lost (the sandbox signs with a
 * secret the connector does not know, so each one is refused and dropped), and the ERP database loses its order
 * table for a while. Polling (every 2 s here) is the only source, and each order still reaches the ERP once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:orders-recovery;DB_CLOSE_DELAY=-1",
        "camel.main.routes-include-pattern=file:routes/export-orders.camel.yaml,file:routes/receive-centra-webhook.camel.yaml",
        "connector.webhook.secret=the-connectors-secret",
        "connector.sandbox.webhook.secret=another-secret",
        "connector.sandbox.webhook.retries=0",
        "connector.sandbox.rate-limit-tier=NONE",
        "connector.centra.rate-limit.requests-per-10s=0",
        "connector.centra.rate-limit.mutations-per-10s=0",
        "connector.master-data.at-start=false",
        "connector.orders.work-interval=200ms",
        "connector.orders.retry.initial-backoff=200ms",
        "connector.orders.retry.max-backoff=1s",
        "connector.orders.poll.schedule=0/2 * * * * ?",
        "connector.orders.poll.initial-lookback=1h"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class OrderRecoveryEndToEndTest {

    static final int PORT = freePort();
    static final PostgresqlSchema ERP = PostgresqlSchema.create("orders_recovery_erp").withErpOrderTables();
    static Path erpFolder;

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) throws IOException {
        erpFolder = Files.createTempDirectory("orders-recovery");
        registry.add("server.port", () -> PORT);
        registry.add("connector.sandbox.webhook.url", () -> "http://127.0.0.1:" + PORT + "/webhooks/centra");
        registry.add("connector.erp.folder", () -> erpFolder.toString());
        registry.add("connector.erp.datasource.url", ERP::url);
        registry.add("connector.erp.datasource.username", () -> PostgresqlSchema.USER);
    }

    @AfterAll
    static void dropErp() throws SQLException {
        ERP.close();
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate state;

    @Autowired
    SandboxData sandbox;

    @BeforeEach
    void plentyOfStock() {
        sandbox.write(() -> {
            sandbox.stock.stream().toList().forEach(level -> sandbox.stock.put(level.withPhysical(level.allocated() + 10_000)));
            return null;
        });
    }

    @Test
    void lostWebhooksArePickedUpByPollingOnce() {
        List<Long> placed = SandboxOrders.place(http, 10);

        ExportLedger.awaitExported(state, placed, Duration.ofSeconds(45));
        assertThat(state.queryForList("SELECT DISTINCT last_source FROM connector_order_inbox", String.class))
                .as("no webhook got through").doesNotContain("webhook");
        assertThat(ledger().problemsOf(placed)).isEmpty();
    }

    @Test
    void erpDatabaseDownForAWhileThenEachOrderExportedOnce() {
        JdbcTemplate erp = ERP.jdbc();
        List<Long> placed;
        erp.execute("ALTER TABLE erp_order_header RENAME TO erp_order_header_away");
        try {
            placed = SandboxOrders.place(http, 8);
            // Every order tried and failed at least twice, nothing given to the ERP meanwhile.
            await().atMost(Duration.ofSeconds(30)).until(() -> state.queryForObject(
                    "SELECT COUNT(*) FROM connector_order_inbox WHERE attempts >= 2 AND last_error IS NOT NULL"
                            + " AND order_number IN (" + String.join(",", placed.stream().map(String::valueOf).toList())
                            + ")", Integer.class) == placed.size());
            assertThat(ExportLedger.read(erpFolder, null, state).files().keySet()).doesNotContainAnyElementsOf(placed);
        } finally {
            erp.execute("ALTER TABLE erp_order_header_away RENAME TO erp_order_header");
        }

        ExportLedger.awaitExported(state, placed, Duration.ofSeconds(45));
        assertThat(ledger().problemsOf(placed)).isEmpty();
    }

    private ExportLedger ledger() {
        return ExportLedger.read(erpFolder, ERP.jdbc(), state);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
