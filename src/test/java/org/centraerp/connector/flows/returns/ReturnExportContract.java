package org.centraerp.connector.flows.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.centraerp.connector.testsupport.SandboxOrders;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.centra.CentraClient.Retry;
import org.centraerp.connector.testsupport.ErpTestDatabase;
import org.centraerp.connector.state.Watermarks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Route {@code export-returns} against the built-in sandbox and a real ERP database: a return customer service
 * registers in Centra reaches the ERP once as registered and once as completed, as a file and as header and line
 * rows; later polls export nothing more; a return the connector made from an ERP return file is not sent back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camel.main.routes-include-pattern=file:routes/export-returns.camel.yaml",
        "connector.master-data.at-start=false",
        "connector.orders.enabled=false",
        "connector.sandbox.rate-limit-tier=NONE",
        "connector.centra.rate-limit.requests-per-10s=0",
        "connector.centra.rate-limit.mutations-per-10s=0",
        "connector.returns.export.schedule=0/1 * * * * ?",
        "connector.returns.export.initial-lookback=1h"})
// Its Quartz routes would share the JVM's scheduler (one per Camel context name) with later contexts.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class ReturnExportContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    CentraClient centra;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate state;

    @Autowired
    Watermarks watermarks;

    /** This class's ERP: its own folder too, since cached Spring contexts of other classes keep polling theirs. */
    abstract ErpTestDatabase erp();

    private JdbcTemplate tables() {
        return erp().jdbc();
    }

    private Path erpFolder() {
        return erp().folder();
    }

    @Test
    void aReturnRegisteredAndThenCompletedInCentraReachesTheErpOncePerState() throws IOException {
        int order = SandboxOrders.placeShipped(http, centra);
        JsonNode shipment = order(order).path("shipments").get(0);
        JsonNode line = shipment.path("lines").get(0);
        long returnId = centra.mutate("createReturn", Map.of("shipment", shipment.path("id").asInt(),
                "lines", List.of(Map.of("shipmentLine", Map.of("id", line.path("id").asInt()), "quantity", 1)),
                "policy", Map.of("releaseItemsBackToWarehouse", true), "comment", "Too small"), Retry.NEVER)
                .orThrow().path("return").path("id").asLong();

        Path registered = erpFolder().resolve("out/returns/return-" + returnId + "-1.json");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(registered));
        JsonNode file = JSON.readTree(registered.toFile());
        assertThat(file.path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(file.path("order_number").asInt()).isEqualTo(order);
        assertThat(file.path("comment").asText()).isEqualTo("Too small");
        assertThat(file.path("lines")).hasSize(1);
        assertThat(file.path("lines").get(0).path("quantity").asInt()).isEqualTo(1);
        assertThat(file.path("lines").get(0).path("sku").asText()).isNotBlank();
        assertThat(headers(returnId)).containsExactly(Map.of("export_version", 1, "status", "IN_PROGRESS"));
        assertThat(tables().queryForObject("SELECT COUNT(*) FROM erp_return_line WHERE return_id = ?", Integer.class,
                returnId)).isEqualTo(1);

        centra.mutate("completeReturn", Map.of("id", returnId, "sendEmail", false), Retry.SAFE).orThrow();
        Path completed = erpFolder().resolve("out/returns/return-" + returnId + "-2.json");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(completed));
        assertThat(JSON.readTree(completed.toFile()).path("status").asText()).isEqualTo("COMPLETED");

        // two more polls (each moves the watermark): nothing more for this return
        for (int poll = 0; poll < 2; poll++) {
            String mark = watermarks.read(ReturnExport.WATERMARK).orElseThrow();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !mark.equals(watermarks.read(ReturnExport.WATERMARK).orElseThrow()));
        }
        assertThat(headers(returnId)).containsExactly(Map.of("export_version", 1, "status", "IN_PROGRESS"),
                Map.of("export_version", 2, "status", "COMPLETED"));
        assertThat(files(returnId)).containsExactlyInAnyOrder("return-" + returnId + "-1.json",
                "return-" + returnId + "-2.json");
    }

    @Test
    void aReturnTheConnectorMadeFromAnErpFileIsNotSentBack() {
        int order = SandboxOrders.placeShipped(http, centra);
        JsonNode shipment = order(order).path("shipments").get(0);
        JsonNode line = shipment.path("lines").get(0);
        long returnId = centra.mutate("createReturn", Map.of("shipment", shipment.path("id").asInt(),
                "lines", List.of(Map.of("shipmentLine", Map.of("id", line.path("id").asInt()), "quantity", 1)),
                "policy", Map.of("releaseItemsBackToWarehouse", true), "externalId", "RET-ERP-" + order), Retry.NEVER)
                .orThrow().path("return").path("id").asLong();
        // as route import-return-file records a return it made
        state.update("INSERT INTO connector_shipment_progress (flow, erp_reference, order_number, centra_id, step,"
                + " created_at, updated_at) VALUES ('returns', ?, ?, ?, 'COMPLETED', CURRENT_TIMESTAMP,"
                + " CURRENT_TIMESTAMP)", "RET-ERP-" + order, order, returnId);
        // a return registered after it is exported: the poll that exports it has seen the ERP's one too
        int other = SandboxOrders.placeShipped(http, centra);
        JsonNode otherShipment = order(other).path("shipments").get(0);
        long otherId = centra.mutate("createReturn", Map.of("shipment", otherShipment.path("id").asInt(),
                "lines", List.of(Map.of("shipmentLine", Map.of("id", otherShipment.path("lines").get(0).path("id")
                        .asInt()), "quantity", 1)), "policy", Map.of("removeItemsFromStock", true)), Retry.NEVER)
                .orThrow().path("return").path("id").asLong();

        await().atMost(Duration.ofSeconds(30)).until(() -> !files(otherId).isEmpty());
        assertThat(files(returnId)).isEmpty();
        assertThat(headers(returnId)).isEmpty();
    }

    private List<Map<String, Object>> headers(long returnId) {
        return tables().queryForList("SELECT export_version, status FROM erp_return_header WHERE return_id = ?"
                + " ORDER BY export_version", returnId).stream()
                .map(row -> Map.<String, Object>of("export_version", ((Number) row.get("export_version")).intValue(),
                        "status", row.get("status")))
                .toList();
    }

    private List<String> files(long returnId) {
        Path out = erpFolder().resolve("out/returns");
        if (!Files.isDirectory(out)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(out)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("return-" + returnId + "-"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode order(int number) {
        return centra.query("testOrderShipments", Map.of("number", number)).data().path("orders").get(0);
    }
}
