package org.centraerp.connector.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** DirectToConsumerReturn with Centra's fields; shipment totals; an order's payments and shipped units after capture. */
class SandboxReturnsTest extends SandboxTestSupport {

    @Test
    void aReturnOfAShippedOrderAnswersCentrasReturnFields() {
        int number = placeOrder();
        JsonNode shipment = ok(graphql(DEMO, "mutation { createShipment(input: {order: {number: " + number
                + "}}) { shipment { id lines { id quantity } totals { itemsSubtotal { value } taxIncluded { value } } } userErrors { message } } }"))
                .path("createShipment").path("shipment");
        int id = shipment.path("id").asInt();
        assertThat(shipment.path("totals").path("itemsSubtotal").path("value").asDouble()).isPositive();
        assertThat(shipment.path("totals").path("taxIncluded").path("value").asDouble()).isPositive();
        ok(graphql(DEMO, "mutation { captureShipment(id: " + id + ") { userErrors { message } } }"));
        ok(graphql(DEMO, "mutation { completeShipment(id: " + id + ") { userErrors { message } } }"));

        var order = ok(graphql(DEMO, "{ order(number: " + number + ") { lines { quantity shippedQuantity }"
                + " paymentHistory { entryType status value { value } } } }")).path("order");
        assertThat(order.path("lines").get(0).path("shippedQuantity").asInt())
                .isEqualTo(order.path("lines").get(0).path("quantity").asInt());
        assertThat(order.path("paymentHistory").findValuesAsText("entryType")).containsExactly("AUTHORIZATION", "CAPTURE");

        var created = ok(graphql(DEMO, "mutation { createReturn(input: {shipment: {id: " + id + "}, lines: [{shipmentLine: {id: "
                + shipment.path("lines").get(0).path("id") + "}, quantity: 1}], returnStockActionPolicy: {releaseItemsBackToWarehouse: true}}) {"
                + " return { id } userErrors { message } } }")).path("createReturn");
        assertThat(created.path("userErrors")).isEmpty();
        var ret = ok(graphql(DEMO, """
                { returns(where: {id: [%d]}) { __typename id status returnStatus totalQuantity returnedToStock
                    totals { itemsValue { value } grandTotal { value currency { code } } } grandTotal(includingTax: false) { value }
                    store { id }
                    ... on DirectToConsumerReturn { customer { email } } } }""".formatted(created.path("return").path("id").asInt())))
                .path("returns").get(0);
        assertThat(ret.path("__typename").asText()).isEqualTo("DirectToConsumerReturn");
        assertThat(ret.path("returnStatus").asText()).isEqualTo("IN_PROGRESS");
        assertThat(ret.path("totalQuantity").asInt()).isEqualTo(1);
        assertThat(ret.path("returnedToStock").asBoolean()).isTrue();
        assertThat(ret.path("totals").path("grandTotal").path("currency").path("code").asText()).isEqualTo("SEK");
        assertThat(ret.path("grandTotal").path("value").asDouble())
                .isLessThan(ret.path("totals").path("grandTotal").path("value").asDouble());
        assertThat(ret.path("customer").path("email").asText()).isEqualTo("jon.snow@example.com");
    }

    @SuppressWarnings("unchecked")
    private int placeOrder() {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        Map<String, Object> placed = http.postForObject("/sandbox/admin/orders", new HttpEntity<>("{\"count\":1}", headers),
                Map.class);
        return ((List<Integer>) placed.get("numbers")).get(0);
    }

    private static JsonNode ok(Answer answer) {
        assertThat(answer.body().path("errors").isMissingNode()).as(answer.body().toString()).isTrue();
        return answer.body().path("data");
    }
}
