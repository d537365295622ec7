package org.centraerp.connector.ops.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.centra.CentraClient.Retry;
import org.centraerp.connector.flows.orders.ExportLedger;
import org.centraerp.connector.state.TestDatabase;
import org.centraerp.connector.testsupport.ErpTestDatabase;
import org.centraerp.connector.testsupport.InboxReports;
import org.centraerp.connector.testsupport.SandboxOrders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Reconciliation against the built-in sandbox and a real ERP database (PostgreSQL): stock changed in Centra behind
 * the connector's back is listed and healed on request; an order deleted from the ERP's tables is listed as missing.
 */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camel.main.routes-include-pattern=file:routes/import-erp-file.camel.yaml,file:routes/export-orders.camel.yaml",
        "connector.master-data.at-start=false",
        "connector.sandbox.rate-limit-tier=NONE",
        "connector.centra.rate-limit.requests-per-10s=0",
        "connector.centra.rate-limit.mutations-per-10s=0",
        "connector.orders.work-interval=200ms",
        "connector.orders.poll.schedule=0/1 * * * * ?",
        "connector.orders.poll.initial-lookback=1h"})
// Its Quartz routes would share the JVM's scheduler (one per Camel context name) with later contexts.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ReconciliationTest {

    @RegisterExtension
    static final ErpTestDatabase ERP = ErpTestDatabase.open("reconciliation_pg", new TestDatabase.Postgresql(),
            "samples/erp/order-tables.sql");

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        ERP.register(registry);
    }

    @Autowired
    Reconciliations reconciliations;

    @Autowired
    CentraClient centra;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate state;

    @Autowired
    MeterRegistry registry;

    @Test
    void stockChangedInCentraBehindTheConnectorsBackIsListedAndHealedOnRequest() throws Exception {
        Path inbox = ERP.folder().resolve("in/stock");
        Files.createDirectories(inbox);
        Files.writeString(inbox.resolve("stock.csv.tmp"), "sku;warehouse;quantity\nSWEATER-RED-S;WH1;25\n"
                + "SWEATER-BLUE-M;WH1;7\n", StandardCharsets.UTF_8);
        Files.move(inbox.resolve("stock.csv.tmp"), inbox.resolve("stock.csv"));
        await().atMost(Duration.ofSeconds(60)).until(() -> !InboxReports.of(inbox).isEmpty());
        assertThat(reconciliations.stock().total()).as("right after the import").isZero();

        // Someone sets the sweater's stock by hand in Centra.
        centra.mutate("setStock", Map.of("input", Map.of("warehouse", Map.of("id", 1), "description", "by hand",
                "stockQuantityType", "PHYSICAL", "productSizes",
                List.of(Map.of("productSize", Map.of("SKU", "SWEATER-RED-S"), "quantity", 3)))), Retry.SAFE).orThrow();

        ReconciliationResult found = reconciliations.stock();
        assertThat(found.error()).isNull();
        assertThat(found.differences()).containsExactly(
                new Difference("stock", "1|SKU:SWEATER-RED-S", "25", "3", "changed in Centra"));
        assertThat(found.checked()).isEqualTo(2);
        assertThat(Files.readString(found.report())).contains("1|SKU:SWEATER-RED-S;25;3;changed in Centra");
        assertThat(found.report().getParent()).isEqualTo(ERP.folder().resolve("out/reconciliation"));
        try (var left = Files.list(found.report().getParent())) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .as("written under a temporary name, then renamed: nothing half-written left")
                    .noneMatch(n -> n.endsWith(".part") || n.endsWith(".tmp"));
        }
        assertThat(registry.get("connector.reconciliation.differences").tag("kind", "stock").gauge().value())
                .isEqualTo(1.0);

        assertThat(reconciliations.healStock()).isEqualTo(1);

        assertThat(reconciliations.stock().total()).as("after healing").isZero();
        assertThat(registry.get("connector.reconciliation.differences").tag("kind", "stock").gauge().value())
                .isZero();
    }

    @Test
    void catalogueKeysWhoseCentraProductIsGoneAreListed() {
        long sweater = centra.query("catalogue/productByNumber", Map.of("productNumber", "SWEATER")).data().path("products")
                .get(0).path("id").asLong();
        state.update("INSERT INTO connector_catalogue_id (object_type, erp_key, centra_id, parent_id, updated_at)"
                + " VALUES ('Product', 'SWEATER', ?, NULL, CURRENT_TIMESTAMP)", sweater);
        state.update("INSERT INTO connector_catalogue_id (object_type, erp_key, centra_id, parent_id, updated_at)"
                + " VALUES ('Product', 'GONE-STYLE', 987654, NULL, CURRENT_TIMESTAMP)");

        ReconciliationResult result = reconciliations.catalogue();

        assertThat(result.error()).isNull();
        assertThat(result.checked()).isEqualTo(2);
        assertThat(result.differences()).singleElement().satisfies(d -> {
            assertThat(d.key()).isEqualTo("Product GONE-STYLE");
            assertThat(d.what()).isEqualTo("Product 987654 no longer exists in Centra");
        });
    }

    @Test
    void orderDeletedFromTheErpTablesIsListedAsMissing() {
        List<Long> placed = SandboxOrders.place(http, 2);
        ExportLedger.awaitExported(state, placed, Duration.ofSeconds(60));
        // Locks and the polls after them are handled: nothing is on its way any more.
        await().atMost(Duration.ofSeconds(60)).until(() -> state.queryForObject("SELECT COUNT(*) FROM"
                + " connector_order_inbox WHERE requested > handled", Integer.class) == 0);
        Instant since = Instant.now().minus(Duration.ofHours(1));
        assertThat(reconciliations.orders(since).differences()).extracting(Difference::key)
                .doesNotContain(placed.get(0).toString(), placed.get(1).toString());

        JdbcTemplate erp = ERP.jdbc();
        erp.update("DELETE FROM erp_order_line WHERE order_number = ?", placed.get(0));
        assertThat(erp.update("DELETE FROM erp_order_header WHERE order_number = ?", placed.get(0))).isEqualTo(1);

        // An order a poll has just queued again (its lock changed updatedAt) is left out until it is handled.
        String missing = placed.get(0).toString();
        ReconciliationResult result = await().atMost(Duration.ofSeconds(30)).until(() -> reconciliations.orders(since),
                r -> r.error() == null && r.differences().stream().anyMatch(d -> d.key().equals(missing)));
        assertThat(result.differences()).filteredOn(d -> d.key().equals(missing))
                .singleElement().satisfies(d -> assertThat(d.what()).startsWith("missing in the ERP"));
        assertThat(result.differences()).extracting(Difference::key).doesNotContain(placed.get(1).toString());
    }

    @Test
    void orderExportedTwiceAndOrderOlderInTheErpThanInCentraAreListed() {
        List<Long> placed = SandboxOrders.place(http, 2);
        ExportLedger.awaitExported(state, placed, Duration.ofSeconds(60));
        await().atMost(Duration.ofSeconds(60)).until(() -> state.queryForObject("SELECT COUNT(*) FROM"
                + " connector_order_inbox WHERE requested > handled", Integer.class) == 0);
        Instant since = Instant.now().minus(Duration.ofHours(1));
        long twice = placed.get(0);
        long older = placed.get(1);

        // The ledger shows the same version of one order written a second time (as an export repeated by hand
        // would), and the other order's written version is not the one Centra has now.
        state.update("INSERT INTO connector_order_export (order_number, order_version, export_version, state,"
                + " centra_status, file_name, centra_action, created_at, updated_at) SELECT order_number, order_version,"
                + " 0, state, centra_status, file_name, centra_action, created_at, updated_at FROM connector_order_export"
                + " WHERE order_number = ? AND export_version = 1", twice);
        assertThat(state.update("UPDATE connector_order_export SET order_version = 'before-a-change-in-centra'"
                + " WHERE order_number = ? AND state = 'WRITTEN'", older)).isPositive();

        ReconciliationResult result = await().atMost(Duration.ofSeconds(30)).until(() -> reconciliations.orders(since),
                r -> r.error() == null && r.differences().stream().filter(d -> placed.contains(Long.valueOf(d.key())))
                        .count() == 2);
        assertThat(result.differences()).filteredOn(d -> d.key().equals(Long.toString(twice))).singleElement()
                .satisfies(d -> {
                    assertThat(d.what()).isEqualTo("exported twice");
                    assertThat(d.erp()).isEqualTo("version 1");
                });
        assertThat(result.differences()).filteredOn(d -> d.key().equals(Long.toString(older))).singleElement()
                .satisfies(d -> {
                    assertThat(d.what()).isEqualTo("older version in the ERP than in Centra");
                    assertThat(d.erp()).isEqualTo("version 1");
                });
        assertThat(result.report()).content().contains(twice + ";version 1;;exported twice")
                .contains(older + ";version 1;");
    }
}
