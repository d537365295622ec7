package org.centraerp.connector.flows.shipments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.centraerp.connector.testsupport.SandboxOrders;
import org.apache.commons.csv.CSVRecord;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.sandbox.shipments.ShipmentFaults;
import org.centraerp.connector.testsupport.ConnectorProcess;
import org.centraerp.connector.testsupport.InboxReports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * kill -9 of the connector between createShipment and completeShipment, then a restart: Centra ends with one
 * shipment for the ERP reference, captured and completed, and the file is reported once. This JVM is only Centra
 * (the sandbox); the connector runs in a child JVM with its state in an H2 file that survives the kill. The
 * sandbox refuses completeShipment until the kill, so the first connector is surely between the two steps.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:shipments-kill-sandbox;DB_CLOSE_DELAY=-1",
        "camel.main.auto-startup=false",
        "connector.master-data.at-start=false",
        "connector.sandbox.rate-limit-tier=NONE"})
class ShipmentKillAndRestartTest {

    private static final String REFERENCE = "SHP-KILL-9";
    private static final int REFUSALS = 1_000;

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    CentraClient centra;

    @Autowired
    ShipmentFaults faults;

    @TempDir
    Path work;

    @AfterEach
    void calm() {
        faults.reset();
    }

    @Test
    void killedBetweenCreateAndCompleteEndsWithOneCompletedShipment() throws Exception {
        int number = SandboxOrders.placeOne(http);
        Path inbox = work.resolve("erp/in/shipments");
        Path log = Path.of("target", "shipments-kill.log");
        Files.deleteIfExists(log);
        faults.failNext("completeShipment", REFUSALS);

        try (ConnectorProcess first = ConnectorProcess.start("first", log, arguments())) {
            await().atMost(Duration.ofSeconds(90)).until(first::started);
            drop(inbox, number);
            await().atMost(Duration.ofSeconds(60)).until(() -> !first.isAlive()
                    || faults.pending("completeShipment") < REFUSALS);
            assertThat(first.isAlive()).as("the connector runs (see " + log + ")").isTrue();
            first.kill();
        }
        JsonNode created = order(number).path("shipments");
        assertThat(created).as("created before the kill").hasSize(1);
        assertThat(created.get(0).path("isShipped").asBoolean()).as("not completed before the kill").isFalse();
        assertThat(InboxReports.of(inbox)).as("no report before the restart").isEmpty();

        faults.reset();
        try (ConnectorProcess second = ConnectorProcess.start("second", log, arguments())) {
            await().atMost(Duration.ofSeconds(120)).until(() -> !second.isAlive() || InboxReports.of(inbox).size() == 1);
            assertThat(second.isAlive()).as("the restarted connector runs (see " + log + ")").isTrue();
        }

        JsonNode shipments = order(number).path("shipments");
        assertThat(shipments).as("one shipment, not two").hasSize(1);
        assertThat(shipments.get(0).path("id").asText()).isEqualTo(created.get(0).path("id").asText());
        assertThat(shipments.get(0).path("isShipped").asBoolean()).isTrue();
        assertThat(shipments.get(0).path("isCaptured").asBoolean()).isTrue();
        assertThat(shipments.get(0).path("trackingNumber").asText()).isEqualTo("TRACK-KILL");
        List<CSVRecord> report = InboxReports.read(InboxReports.of(inbox).get(0));
        assertThat(report).hasSize(1);
        assertThat(report.get(0).get("erp_reference")).isEqualTo(REFERENCE);
        assertThat(report.get(0).get("outcome")).isEqualTo("completed");
    }

    private List<String> arguments() {
        List<String> arguments = ConnectorProcess.fileRouteArguments(port, work, "import-erp-file.camel.yaml");
        arguments.addAll(List.of("--connector.orders.enabled=false", "--connector.shipments.poll-delay=200",
                "--connector.centra.retry.max-attempts=1"));
        return arguments;
    }

    private JsonNode order(int number) {
        return centra.query("testOrderShipments", Map.of("number", number)).data().path("orders").get(0);
    }

    /** A shipment of every line of the order in full, dropped as the ERP would: .tmp, then renamed. */
    private void drop(Path inbox, int number) throws IOException {
        List<String> rows = new ArrayList<>(List.of(ShipmentFlowTestSupport.SHIPMENT_HEADER));
        for (JsonNode line : order(number).path("lines")) {
            rows.add(String.join(";", REFERENCE, Integer.toString(number),
                    line.path("productSize").path("SKU").asText(), "", line.path("quantity").asText(), "PostNord",
                    "MyPack Home", "TRACK-KILL", "https://tracking.example/TRACK-KILL", "", "1", "2026-01-09 15:18:33"));
        }
        Files.createDirectories(inbox);
        Path temp = inbox.resolve("ship-kill.csv.tmp");
        Files.write(temp, rows, StandardCharsets.UTF_8);
        Files.move(temp, inbox.resolve("ship-kill.csv"));
    }
}
