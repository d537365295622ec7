package org.centraerp.connector.flows.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.centraerp.connector.flows.shipments.ShipmentFlowTestSupport;
import org.junit.jupiter.api.Test;

class ReturnFileEndToEndTest extends ShipmentFlowTestSupport {

    static final String RETURN_HEADER = "return_no;order_no;sku;ean;quantity;restock;comment";

    @Test
    void returnOfAShippedLineIsCreatedAndCompletedOnceEvenWhenTheFileComesAgain() {
        int number = placeOrders(1).get(0);
        drop("shipments", "ship-r1.csv", SHIPMENT_HEADER, shipEverything("SHP-R1", number, "TRACK-R1"));
        assertThat(row(awaitReport("shipments", "ship-r1.csv", 1), "SHP-R1").get("outcome")).isEqualTo("completed");
        String sku = order(number).path("lines").get(0).path("productSize").path("SKU").asText();
        List<String> rows = List.of("RET-1;" + number + ";" + sku + ";;1;yes;too small");

        drop("returns", "ret-1.csv", RETURN_HEADER, rows);

        Map<String, String> row = row(awaitReport("returns", "ret-1.csv", 1), "RET-1");
        assertThat(row.get("outcome")).as(row.toString()).isEqualTo("completed");
        JsonNode returns = order(number).path("shipments").get(0).path("returns");
        assertThat(returns).hasSize(1);
        assertThat(returns.get(0).path("externalId").asText()).isEqualTo("RET-1");
        assertThat(returns.get(0).path("status").asText()).isEqualTo("COMPLETED");
        assertThat(returns.get(0).path("restocked").asBoolean()).isTrue();

        drop("returns", "ret-1.csv", RETURN_HEADER, rows);

        assertThat(row(awaitReport("returns", "ret-1.csv", 2), "RET-1").get("outcome")).isEqualTo("already-completed");
        assertThat(order(number).path("shipments").get(0).path("returns")).hasSize(1);
    }

    @Test
    void returnsOfUnshippedOrUnknownItemsAreReportedAndTheOthersApplied() {
        List<Integer> numbers = placeOrders(2);
        int shipped = numbers.get(0);
        int notShipped = numbers.get(1);
        drop("shipments", "ship-r2.csv", SHIPMENT_HEADER, shipEverything("SHP-R2", shipped, "TRACK-R2"));
        assertThat(row(awaitReport("shipments", "ship-r2.csv", 1), "SHP-R2").get("outcome")).isEqualTo("completed");
        JsonNode line = order(shipped).path("lines").get(0);
        String sku = line.path("productSize").path("SKU").asText();
        String otherSku = order(notShipped).path("lines").get(0).path("productSize").path("SKU").asText();

        drop("returns", "ret-2.csv", RETURN_HEADER, List.of(
                "RET-OK;" + shipped + ";" + sku + ";;1;no;damaged",
                "RET-NOT-SHIPPED;" + notShipped + ";" + otherSku + ";;1;yes;",
                "RET-TOO-MANY;" + shipped + ";" + sku + ";;" + (line.path("quantity").asInt() + 1) + ";yes;",
                "RET-UNKNOWN;99999;" + sku + ";;1;yes;"));

        List<Map<String, String>> report = awaitReport("returns", "ret-2.csv", 1);
        assertThat(row(report, "RET-OK").get("outcome")).isEqualTo("completed");
        assertThat(row(report, "RET-NOT-SHIPPED").get("reason")).contains("line not shipped");
        assertThat(row(report, "RET-TOO-MANY").get("reason")).contains("quantity more than shipped");
        assertThat(row(report, "RET-UNKNOWN").get("reason")).contains("unknown order 99999");
        JsonNode returns = order(shipped).path("shipments").get(0).path("returns");
        assertThat(returns).hasSize(1);
        assertThat(returns.get(0).path("restocked").asBoolean()).isFalse();
    }
}
