package org.centraerp.connector.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.centraerp.connector.testsupport.SandboxOrders;
import org.apache.commons.csv.CSVRecord;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.state.Watermarks;
import org.centraerp.connector.testsupport.InboxReports;
import org.centraerp.connector.testsupport.ErpTestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * ERP tables (samples/erp/inbound-tables.sql) on a real database into the stock and shipment flows, against the
 * built-in sandbox: a stock snapshot is applied and, read again unchanged, sends nothing; shipment rows are taken
 * once each by the scheduled route, also when a read was cut between moving the watermark and naming its file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camel.main.routes-include-pattern=file:routes/read-erp-tables.camel.yaml,"
                + "file:routes/import-erp-file.camel.yaml",
        "connector.master-data.at-start=false",
        "connector.orders.enabled=false",
        "connector.sandbox.rate-limit-tier=NONE",
        "connector.centra.rate-limit.requests-per-10s=0",
        "connector.centra.rate-limit.mutations-per-10s=0",
        "connector.stock.poll-delay=200",
        "connector.shipments.poll-delay=200",
        "connector.erp.tables.stock.enabled=true",
        "connector.erp.tables.stock.schedule=0 0 0 1 1 ? 2099",
        "connector.erp.tables.returns.enabled=true",
        "connector.erp.tables.returns.schedule=0 0 0 1 1 ? 2099",
        "connector.returns.poll-delay=200",
        "connector.returns.export.enabled=false",
        "connector.erp.tables.products.enabled=true",
        "connector.erp.tables.products.schedule=0 0 0 1 1 ? 2099",
        "connector.catalogue.poll-delay=200",
        "connector.erp.tables.shipments.enabled=true",
        "connector.erp.tables.shipments.schedule=0/1 * * * * ?"})
// Its Quartz routes would share the JVM's scheduler (one per Camel context name) with later contexts.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class ErpTablesContract {

    @Autowired
    ErpTableIntake intake;

    @Autowired
    Watermarks watermarks;

    @Autowired
    CentraClient centra;

    @Autowired
    TestRestTemplate http;

    @Autowired
    MeterRegistry meters;

    @Autowired
    CamelContext camel;

    /** This class's ERP: its own folder too, since cached Spring contexts of other classes keep polling theirs. */
    abstract ErpTestDatabase erp();

    private JdbcTemplate tables() {
        return erp().jdbc();
    }

    private Path erpFolder() {
        return erp().folder();
    }

    @Test
    void stockSnapshotIsAppliedAndAnUnchangedReadSendsNothing() {
        tables().update("DELETE FROM erp_stock_level");
        tables().batchUpdate("INSERT INTO erp_stock_level (sku, warehouse, quantity) VALUES (?, ?, ?)", List.of(
                new Object[] {"SWEATER-RED-S", "WH1", 31}, new Object[] {"SWEATER-RED-M", "WH1", 32},
                new Object[] {"SWEATER-RED-S", "WH2", 33}, new Object[] {"NO-SUCH-SKU", "WH1", 1}));
        Path done = erpFolder().resolve("in/stock/.done");
        int before = reports(done).size();

        intake.read("stock");
        List<CSVRecord> first = awaitReport(done, before + 1);
        assertThat(first).extracting(r -> r.get("outcome")).containsExactlyInAnyOrder(
                "applied", "applied", "applied", "refused");
        assertThat(physicalStock("SWEATER-RED-M", 1)).isEqualTo(32);
        long calls = calls("setStock");

        // the ERP drops the bad row; the rest of the table is as it was
        tables().update("DELETE FROM erp_stock_level WHERE sku = 'NO-SUCH-SKU'");
        intake.read("stock");
        List<CSVRecord> second = awaitReport(done, before + 2);
        assertThat(second).extracting(r -> r.get("outcome")).containsExactly("unchanged", "unchanged", "unchanged");
        assertThat(calls("setStock")).as("nothing sent for an unchanged table").isEqualTo(calls);
    }

    @Test
    void productTableBecomesProductsInCentra() throws IOException {
        List<String> sample = Files.readAllLines(Path.of("samples/products/products.csv"), StandardCharsets.UTF_8);
        List<String> columns = List.of(sample.get(0).split(";"));
        tables().update("DELETE FROM erp_product");
        for (String line : sample.subList(1, sample.size())) {
            List<String> values = List.of(line.split(";", -1));
            tables().update("INSERT INTO erp_product (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", columns.stream().map(c -> "?").toList()) + ")",
                    values.stream().map(v -> v.isEmpty() ? null : v).toArray());
        }
        Path done = erpFolder().resolve("in/products/.done");

        intake.read("products");
        List<CSVRecord> report = awaitReport(done, 1);
        assertThat(report).hasSize(sample.size() - 1);
        assertThat(report).extracting(r -> r.get("outcome")).doesNotContain("failed");
        JsonNode products = centra.query("catalogue/productByNumber", Map.of("productNumber", "SWEATER")).data()
                .path("products");
        assertThat(products).hasSize(1);
        assertThat(products.get(0).path("variants")).isNotEmpty();
    }

    @Test
    void returnRowsBecomeOneReturnInCentraAndAreNotTakenTwice() throws IOException {
        int order = SandboxOrders.placeShipped(http, centra);
        JsonNode line = order(order).path("lines").get(0);
        Long max = tables().queryForObject("SELECT MAX(row_id) FROM erp_return_line", Long.class);
        tables().update("INSERT INTO erp_return_line (row_id, return_no, order_no, sku, quantity, restock, comment)"
                + " VALUES (?, ?, ?, ?, 1, 'yes', 'Too small')", max == null ? 1 : max + 1, "RET-TABLE-" + order, order,
                line.path("productSize").path("SKU").asText());
        Path done = erpFolder().resolve("in/returns/.done");

        int before = reports(done).size();
        intake.read("returns");
        List<CSVRecord> report = awaitReport(done, before + 1);
        assertThat(report).extracting(r -> r.get("outcome")).containsOnly("completed");
        intake.read("returns");
        try (var waiting = Files.list(erpFolder().resolve("in/returns"))) {
            assertThat(waiting.filter(f -> f.getFileName().toString().endsWith(".csv")))
                    .as("nothing past the watermark: no second file").isEmpty();
        }
        JsonNode returns = order(order).path("shipments").get(0).path("returns");
        assertThat(returns).hasSize(1);
        assertThat(returns.get(0).path("externalId").asText()).isEqualTo("RET-TABLE-" + order);
    }

    @Test
    void shipmentRowsAreTakenOnceByTheScheduledRead() throws IOException {
        int first = SandboxOrders.placeOne(http);
        Path done = erpFolder().resolve("in/shipments/.done");
        int before = reports(done).size();
        long rowId = insertShipment(first, "SHP-TABLE-" + first, nextRowId());

        awaitReport(done, before + 1);
        // three more scheduled reads of the table: none finds the rows again (no file for the inbox)
        NotifyBuilder threeMoreReads = new NotifyBuilder(camel).fromRoute("read-erp-shipments-table")
                .whenCompleted(3).create();
        assertThat(threeMoreReads.matches(30, TimeUnit.SECONDS)).as("three more scheduled reads").isTrue();
        try (var waiting = Files.list(erpFolder().resolve("in/shipments"))) {
            assertThat(waiting.filter(f -> f.getFileName().toString().endsWith(".csv")))
                    .as("the rows are not read again: no second file").isEmpty();
        }
        assertThat(reports(done)).as("the rows are not read again").hasSize(before + 1);
        JsonNode shipments = order(first).path("shipments");
        assertThat(shipments).hasSize(1);
        assertThat(shipments.get(0).path("isShipped").asBoolean()).isTrue();

        int second = SandboxOrders.placeOne(http);
        insertShipment(second, "SHP-TABLE-" + second, rowId + 10);
        awaitReport(done, before + 2);
        assertThat(order(second).path("shipments")).hasSize(1);
        assertThat(order(first).path("shipments")).as("the first one untouched").hasSize(1);
    }

    @Test
    void aReadCutAfterTheWatermarkMovedIsFinishedAndAnUncommittedOneIsNeverUsed() throws IOException {
        int order = SandboxOrders.placeOne(http);
        Path inbox = erpFolder().resolve("in/shipments");
        Path done = inbox.resolve(".done");
        int before = reports(done).size();
        long rowId = nextRowId() + 100;
        // A stray file of a read whose watermark never moved: must not be applied.
        Path stray = inbox.resolve("shipments-table." + UUID.randomUUID() + ".tmp");
        Files.writeString(stray, header() + shipmentRows(order, "SHP-STRAY"));
        // A read that moved the watermark past its rows and was killed before naming its file.
        String id = UUID.randomUUID().toString();
        Files.writeString(inbox.resolve("shipments-table." + id + ".tmp"), header() + shipmentRows(order, "SHP-CUT"));
        String position = watermarks.read("erp-table:shipments").orElseThrow();
        assertThat(watermarks.advance("erp-table:shipments", java.util.Optional.of(position), rowId + "|" + id)).isTrue();

        List<CSVRecord> report = awaitReport(done, before + 1);
        assertThat(report).extracting(r -> r.get("erp_reference")).containsOnly("SHP-CUT");
        assertThat(order(order).path("shipments")).hasSize(1);
        assertThat(order(order).path("shipments").get(0).path("externalId").asText()).isEqualTo("SHP-CUT");
        assertThat(stray).as("left alone, never renamed").exists();
        Files.delete(stray);
    }

    private long nextRowId() {
        Long max = tables().queryForObject("SELECT MAX(row_id) FROM erp_shipment_line", Long.class);
        return max == null ? 1 : max + 1;
    }

    /** All lines of the shipment in one statement: a scheduled read never sees half of them. */
    private long insertShipment(int order, String reference, long firstRowId) {
        long rowId = firstRowId;
        List<String> values = new ArrayList<>();
        List<Object> arguments = new ArrayList<>();
        for (JsonNode line : order(order).path("lines")) {
            values.add("(?, ?, ?, ?, ?, 'PostNord', ?, 1, '2026-01-09 15:18:33')");
            arguments.addAll(List.of(rowId++, reference, order, line.path("productSize").path("SKU").asText(),
                    line.path("quantity").asInt(), "TRACK-" + reference));
        }
        tables().update("INSERT INTO erp_shipment_line (row_id, shipment_no, order_no, sku, quantity, carrier,"
                + " tracking_no, packages, shipped_at) VALUES " + String.join(", ", values), arguments.toArray());
        return rowId - 1;
    }

    private static String header() {
        return "row_id;shipment_no;order_no;sku;ean;quantity;carrier;service;tracking_no;tracking_url;"
                + "return_tracking_no;packages;shipped_at\n";
    }

    private String shipmentRows(int order, String reference) {
        StringBuilder rows = new StringBuilder();
        for (JsonNode line : order(order).path("lines")) {
            rows.append(String.join(";", "0", reference, Integer.toString(order),
                    line.path("productSize").path("SKU").asText(), "", line.path("quantity").asText(), "PostNord", "",
                    "TRACK-" + reference, "", "", "1", "2026-01-09 15:18:33")).append('\n');
        }
        return rows.toString();
    }

    private JsonNode order(int number) {
        return SandboxOrders.order(centra, number);
    }

    private int physicalStock(String sku, int warehouse) {
        JsonNode data = centra.query("testWarehouseStock", Map.of("warehouse", warehouse)).data();
        for (JsonNode row : data.path("warehouses").get(0).path("stock")) {
            if (sku.equals(row.path("productSize").path("SKU").asText())) {
                return row.path("physicalQuantity").asInt();
            }
        }
        throw new AssertionError(sku + " has no stock in warehouse " + warehouse + ": " + data);
    }

    private long calls(String document) {
        return meters.find("connector.centra.requests").tag("document", document).timers().stream()
                .mapToLong(Timer::count).sum();
    }

    /** Waits for the inbox's n-th report and reads it. */
    private static List<CSVRecord> awaitReport(Path done, int count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> reports(done).size() >= count);
        return InboxReports.read(reports(done).get(count - 1));
    }

    private static List<Path> reports(Path done) {
        return InboxReports.of(done.getParent());
    }
}
