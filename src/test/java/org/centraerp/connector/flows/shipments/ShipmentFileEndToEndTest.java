package org.centraerp.connector.flows.shipments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.centraerp.connector.centra.CentraClient.Retry;
import org.junit.jupiter.api.Test;

class ShipmentFileEndToEndTest extends ShipmentFlowTestSupport {

    @Test
    void shipmentFileShipsTheOrderWithTrackingAndTheOrderIsShipped() {
        int number = placeOrders(1).get(0);

        drop("shipments", "ship-a.csv", SHIPMENT_HEADER, shipEverything("SHP-A", number, "TRACK-A"));

        Map<String, String> row = row(awaitReport("shipments", "ship-a.csv", 1), "SHP-A");
        assertThat(row.get("outcome")).as(row.toString()).isEqualTo("completed");
        JsonNode order = order(number);
        assertThat(order.path("status").asText()).isEqualTo("SHIPPED");
        assertThat(order.path("shipments")).hasSize(1);
        JsonNode shipment = order.path("shipments").get(0);
        assertThat(shipment.path("isShipped").asBoolean()).isTrue();
        assertThat(shipment.path("isCaptured").asBoolean()).isTrue();
        assertThat(shipment.path("externalId").asText()).isEqualTo("SHP-A");
        assertThat(shipment.path("trackingNumber").asText()).isEqualTo("TRACK-A");
        assertThat(shipment.path("carrierInformation").path("carrierName").asText()).isEqualTo("PostNord");
        assertThat(row.get("centra_id")).isEqualTo(shipment.path("id").asText());
    }

    @Test
    void reDroppedFileDuplicatesNothing() {
        int number = placeOrders(1).get(0);
        List<String> rows = shipEverything("SHP-B", number, "TRACK-B");
        drop("shipments", "ship-b.csv", SHIPMENT_HEADER, rows);
        assertThat(row(awaitReport("shipments", "ship-b.csv", 1), "SHP-B").get("outcome")).isEqualTo("completed");

        drop("shipments", "ship-b.csv", SHIPMENT_HEADER, rows);

        assertThat(row(awaitReport("shipments", "ship-b.csv", 2), "SHP-B").get("outcome"))
                .isEqualTo("already-completed");
        assertThat(order(number).path("shipments")).hasSize(1);
    }

    @Test
    void aReferenceReusedForOtherLinesOrAnotherOrderIsAConflictNotAlreadyCompleted() {
        List<Integer> numbers = placeOrders(2);
        List<String> first = shipEverything("SHP-REUSED-REF", numbers.get(0), "TRACK-R");
        drop("shipments", "ship-reuse-1.csv", SHIPMENT_HEADER, first);
        assertThat(row(awaitReport("shipments", "ship-reuse-1.csv", 1), "SHP-REUSED-REF").get("outcome")).isEqualTo("completed");

        List<String> otherLines = new ArrayList<>(first);
        String[] cells = otherLines.get(0).split(";", -1);
        cells[4] = String.valueOf(Integer.parseInt(cells[4]) + 1);
        otherLines.set(0, String.join(";", cells));
        drop("shipments", "ship-reuse-2.csv", SHIPMENT_HEADER, otherLines);
        Map<String, String> sameOrder = row(awaitReport("shipments", "ship-reuse-2.csv", 1), "SHP-REUSED-REF");
        drop("shipments", "ship-reuse-3.csv", SHIPMENT_HEADER, shipEverything("SHP-REUSED-REF", numbers.get(1), "TRACK-S"));
        Map<String, String> otherOrder = row(awaitReport("shipments", "ship-reuse-3.csv", 1), "SHP-REUSED-REF");

        assertThat(sameOrder.get("outcome")).as(sameOrder.toString()).isEqualTo("conflict");
        assertThat(sameOrder.get("reason")).contains("reference SHP-REUSED-REF was completed before");
        assertThat(otherOrder.get("outcome")).as(otherOrder.toString()).isEqualTo("conflict");
        assertThat(otherOrder.get("reason")).contains("of order " + numbers.get(0));
        assertThat(order(numbers.get(1)).path("shipments")).isEmpty();
    }

    @Test
    void eachBadShipmentIsReportedWithItsReasonAndTheOthersAreApplied() {
        List<Integer> numbers = placeOrders(4);
        int good = numbers.get(0);
        int cancelled = numbers.get(1);
        int tooMany = numbers.get(2);
        int captureRefused = numbers.get(3);
        List<String> cancelledRows = shipEverything("SHP-CANCELLED", cancelled, "T3");
        centra.mutate("testCancelOrder", Map.of("id", order(cancelled).path("id").asText()), Retry.NEVER).orThrow();
        faults.refuseCapture(captureRefused);
        List<String> rows = new ArrayList<>();
        rows.add("SHP-UNKNOWN;99999;SWEATER-RED-S;;1;PostNord;;T0;;;1;");
        rows.addAll(shipEverything("SHP-GOOD", good, "T1"));
        rows.add("SHP-NOT-IN-ORDER;" + good + ";NO-SUCH-SKU;;1;PostNord;;T2;;;1;");
        rows.addAll(cancelledRows);
        JsonNode line = order(tooMany).path("lines").get(0);
        rows.add("SHP-TOO-MANY;" + tooMany + ";" + line.path("productSize").path("SKU").asText() + ";;"
                + (line.path("quantity").asInt() + 5) + ";PostNord;;T4;;;1;");
        rows.addAll(shipEverything("SHP-NO-CAPTURE", captureRefused, "T5"));
        rows.add("SHP-BAD-QTY;" + good + ";SWEATER-RED-S;;lots;PostNord;;T6;;;1;");

        drop("shipments", "ship-mixed.csv", SHIPMENT_HEADER, rows);

        List<Map<String, String>> report = awaitReport("shipments", "ship-mixed.csv", 1);
        assertThat(row(report, "SHP-GOOD").get("outcome")).isEqualTo("completed");
        assertThat(row(report, "SHP-UNKNOWN").get("reason")).contains("unknown order 99999");
        assertThat(row(report, "SHP-NOT-IN-ORDER").get("reason")).contains("line not in order");
        assertThat(row(report, "SHP-CANCELLED").get("reason")).contains("cancelled");
        assertThat(row(report, "SHP-TOO-MANY").get("reason")).contains("quantity more than ordered");
        assertThat(row(report, "SHP-NO-CAPTURE").get("outcome")).isEqualTo("incomplete");
        assertThat(row(report, "SHP-NO-CAPTURE").get("reason")).contains("capture refused");
        assertThat(row(report, "SHP-BAD-QTY").get("reason")).contains("quantity");
        assertThat(order(good).path("status").asText()).isEqualTo("SHIPPED");
        assertThat(order(cancelled).path("shipments")).isEmpty();
        assertThat(order(tooMany).path("shipments")).isEmpty();
        assertThat(order(captureRefused).path("shipments")).hasSize(1);
        assertThat(order(captureRefused).path("shipments").get(0).path("isShipped").asBoolean()).isFalse();
    }

    @Test
    void aShipmentCentraRefusesAsInvalidIsReportedOnceAndTheOthersAreApplied() {
        List<Integer> numbers = placeOrders(2);
        List<String> rows = new ArrayList<>(shipEverything("SHP-BAD-DATE", numbers.get(0), "TRACK-D"));
        // not a date Centra's DateTimeTz takes: the request is invalid GraphQL, not a passing failure
        rows.replaceAll(row -> row.substring(0, row.lastIndexOf(';') + 1) + "next tuesday");
        rows.addAll(shipEverything("SHP-GOOD-DATE", numbers.get(1), "TRACK-E"));

        drop("shipments", "ship-bad-date.csv", SHIPMENT_HEADER, rows);

        List<Map<String, String>> report = awaitReport("shipments", "ship-bad-date.csv", 1);
        Map<String, String> bad = row(report, "SHP-BAD-DATE");
        assertThat(bad.get("outcome")).as(bad.toString()).isEqualTo("refused");
        assertThat(bad.get("reason")).contains("refused it as invalid").contains("next tuesday");
        assertThat(row(report, "SHP-GOOD-DATE").get("outcome")).isEqualTo("completed");
        assertThat(order(numbers.get(1)).path("status").asText()).isEqualTo("SHIPPED");
        assertThat(order(numbers.get(0)).path("shipments")).allSatisfy(shipment ->
                assertThat(shipment.path("isShipped").asBoolean()).isFalse());
    }

    @Test
    void failureBetweenCreateAndCompleteIsFinishedOnTheNextAttemptWithOneShipment() {
        int number = placeOrders(1).get(0);
        faults.failNext("completeShipment", 1);

        drop("shipments", "ship-crash.csv", SHIPMENT_HEADER, shipEverything("SHP-CRASH", number, "TRACK-C"));

        Map<String, String> row = row(awaitReport("shipments", "ship-crash.csv", 1), "SHP-CRASH");
        assertThat(faults.pending("completeShipment")).as("the injected failure was hit").isZero();
        assertThat(row.get("outcome")).isEqualTo("completed");
        JsonNode shipments = order(number).path("shipments");
        assertThat(shipments).hasSize(1);
        assertThat(shipments.get(0).path("isShipped").asBoolean()).isTrue();
        assertThat(state.queryForObject("SELECT step FROM connector_shipment_progress WHERE erp_reference = ?",
                String.class, "SHP-CRASH")).isEqualTo("COMPLETED");
    }

    @Test
    void shipmentCreatedJustBeforeACrashIsAdoptedNotCreatedAgain() {
        int number = placeOrders(1).get(0);
        JsonNode line = order(number).path("lines").get(0);
        // The state of a connector killed after createShipment went out and before its answer was recorded.
        state.update("INSERT INTO connector_shipment_progress (flow, erp_reference, order_number, centra_id, step,"
                + " created_at, updated_at) VALUES ('shipments', 'SHP-KILLED', ?, NULL, 'CREATING', CURRENT_TIMESTAMP,"
                + " CURRENT_TIMESTAMP)", number);
        centra.mutate("createShipment", Map.of("order", number, "lines", List.of(Map.of("orderLine",
                Map.of("id", line.path("id").asInt()), "quantity", line.path("quantity").asInt()))), Retry.NEVER).orThrow();

        drop("shipments", "ship-killed.csv", SHIPMENT_HEADER, List.of(String.join(";", "SHP-KILLED",
                Integer.toString(number), line.path("productSize").path("SKU").asText(), "",
                line.path("quantity").asText(), "DHL", "", "TRACK-K", "", "", "1", "")));

        assertThat(row(awaitReport("shipments", "ship-killed.csv", 1), "SHP-KILLED").get("outcome"))
                .isEqualTo("completed");
        JsonNode shipments = order(number).path("shipments");
        assertThat(shipments).hasSize(1);
        assertThat(shipments.get(0).path("externalId").asText()).isEqualTo("SHP-KILLED");
        assertThat(shipments.get(0).path("isShipped").asBoolean()).isTrue();
    }

    @Test
    void fileThatIsNotReadableIsRefusedWhole() {
        drop("shipments", "ship-garbage.csv", "what;ever", List.of("a;b"));

        await().atMost(Duration.ofSeconds(30)).until(() -> java.nio.file.Files.exists(erp.resolve("in/shipments/.error")
                .resolve("ship-garbage.csv.error.txt")));
    }
}
