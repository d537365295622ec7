package org.centraerp.connector.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** The sandbox refuses the shipments and returns Centra refuses, and moves the order through its statuses. */
class SandboxShipmentsTest extends SandboxTestSupport {

    @Test
    void shipmentOfMoreThanOrderedOrOfAnotherOrdersLineIsRefusedAndChangesNothing() {
        JsonNode order = placeOrder();
        JsonNode line = order.path("lines").get(0);
        String tooMany = graphqlData("mutation { createShipment(input: {order: {number: " + order.path("number")
                + "}, lines: [{orderLine: {id: " + line.path("id") + "}, quantity: " + (line.path("quantity").asInt() + 1)
                + "}]}) { shipment { id } userErrors { message } } }").toString();
        String foreign = graphqlData("mutation { createShipment(input: {order: {number: " + order.path("number")
                + "}, lines: [{orderLine: {id: 999999}, quantity: 1}]}) { shipment { id } userErrors { message } } }")
                .toString();

        assertThat(tooMany).contains("left to ship");
        assertThat(foreign).contains("does not exist in order");
        assertThat(order(order.path("number").asInt()).path("shipments")).isEmpty();
    }

    @Test
    void orderIsProcessingWithAShipmentAndShippedWhenItIsCapturedAndCompleted() {
        int number = placeOrder().path("number").asInt();
        JsonNode created = graphqlData("mutation { createShipment(input: {order: {number: " + number
                + "}}) { shipment { id number } userErrors { message } } }").path("createShipment");
        int id = created.path("shipment").path("id").asInt();
        assertThat(order(number).path("status").asText()).isEqualTo("PROCESSING");

        graphqlData("mutation { captureShipment(id: " + id + ") { shipment { isCaptured } userErrors { message } } }");
        JsonNode completed = graphqlData("mutation { completeShipment(id: " + id + ", input: {shipmentInfo: {carrier: \"DHL\","
                + " trackingNumber: \"T-1\"}}) { shipment { isShipped trackingNumber } userErrors { message } } }");
        String again = graphqlData("mutation { completeShipment(id: " + id + ") { userErrors { message } } }").toString();

        assertThat(completed.path("completeShipment").path("shipment").path("trackingNumber").asText()).isEqualTo("T-1");
        assertThat(order(number).path("status").asText()).isEqualTo("SHIPPED");
        assertThat(again).contains("already completed");
    }

    @Test
    void returnOfAShipmentNotYetCompletedIsRefused() {
        int number = placeOrder().path("number").asInt();
        JsonNode shipment = graphqlData("mutation { createShipment(input: {order: {number: " + number
                + "}}) { shipment { id lines { id } } userErrors { message } } }").path("createShipment").path("shipment");

        String refused = graphqlData("mutation { createReturn(input: {shipment: {id: " + shipment.path("id")
                + "}, lines: [{shipmentLine: {id: " + shipment.path("lines").get(0).path("id") + "}, quantity: 1}],"
                + " returnStockActionPolicy: {releaseItemsBackToWarehouse: true}}) { return { id } userErrors { message } } }")
                .toString();

        assertThat(refused).contains("is not completed");
    }

    @Test
    void cancelledOrderCannotBeShipped() {
        JsonNode order = placeOrder();
        graphqlData("mutation { cancelDirectToConsumerOrder(id: \"" + order.path("id").asText()
                + "\") { userErrors { message } } }");

        String refused = graphqlData("mutation { createShipment(input: {order: {number: " + order.path("number")
                + "}}) { shipment { id } userErrors { message } } }").toString();

        assertThat(refused).contains("cancelled");
    }

    @SuppressWarnings("unchecked")
    private JsonNode placeOrder() {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        Map<String, Object> placed = http.postForObject("/sandbox/admin/orders", new HttpEntity<>("{\"count\":1}", headers),
                Map.class);
        return order(((List<Integer>) placed.get("numbers")).get(0));
    }

    private JsonNode order(int number) {
        return graphqlData("{ orders(where: {number: [" + number + "]}) { id number status lines { id quantity }"
                + " shipments { id } } }").path("orders").get(0);
    }

    private JsonNode graphqlData(String query) {
        Answer answer = graphql(DEMO, query);
        assertThat(answer.body().path("errors").isMissingNode()).as(answer.body().toString()).isTrue();
        return answer.body().path("data");
    }
}
