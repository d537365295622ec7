package org.centraerp.connector.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.centraerp.connector.sandbox.webhook.WebhookSender;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Orders: placing allocates stock, the order mutations, the event queue, the webhook signature. */
class SandboxOrdersTest extends SandboxTestSupport {

    private static final String CHAIR_STOCK = """
            { warehouse(id: 1) { stock(where: {productSizeId: [7]}) { physicalQuantity allocatedQuantity freeToAllocateQuantity } } }""";

    @Test
    void seededOrdersAllocateTheirStockAndReadBack() {
        var chair = graphql(DEMO, CHAIR_STOCK).data("warehouse").path("stock").get(0);
        assertThat(chair.path("physicalQuantity").asInt()).isEqualTo(30);
        assertThat(chair.path("allocatedQuantity").asInt()).isEqualTo(8);
        assertThat(chair.path("freeToAllocateQuantity").asInt()).isEqualTo(22);

        var orders = graphql(DEMO, """
                { orders(where: {number: 14}) { id number status isOnHold isLocked createdAt
                    shippingAddress { firstName city country { code } }
                    ... on DirectToConsumerOrder { customer { email } }
                    lines { id quantity unitPrice { value currency { code } } productSize { SKU } allocations { quantity warehouse { id } } } } }""")
                .data("orders");
        var order = orders.get(0);
        assertThat(order.path("id").asText()).isEqualTo("1497ccf644db871e1e4026d101bde6f3");
        assertThat(order.path("status").asText()).isEqualTo("PENDING");
        assertThat(order.path("shippingAddress").path("city").asText()).isEqualTo("Winterfell");
        assertThat(order.path("customer").path("email").asText()).isEqualTo("jon.snow@example.com");
        assertThat(order.path("lines").get(0).path("id").asInt()).isEqualTo(68);
        assertThat(order.path("lines").get(0).path("unitPrice").path("currency").path("code").asText()).isEqualTo("SEK");
        assertThat(order.path("lines").get(0).path("allocations").get(0).path("quantity").asInt()).isEqualTo(2);
        assertThat(graphql(DEMO, "{ counters { orders(where: {storeType: WHOLESALE}) } }")
                .data("counters").path("orders").asInt()).isEqualTo(2);
    }

    @Test
    void placingOrdersAllocatesStockAndQueuesEvents() {
        var listen = graphql(DEMO, """
                mutation { setEventListeners(input: [{objectType: Order}]) { eventListeners { objectType } userErrors { message } } }""");
        assertThat(listen.data("setEventListeners").path("eventListeners").get(0).path("objectType").asText())
                .isEqualTo("Order");
        int freeBefore = totalFree();

        var placed = placeOrders(5);

        assertThat(placed.path("placed").asInt()).isEqualTo(5);
        int units = 0;
        for (JsonNode number : placed.path("numbers")) {
            var order = graphql(DEMO, "{ order(number: " + number.asInt() + ") { status lines { quantity } } }")
                    .data("order");
            assertThat(order.path("status").asText()).isEqualTo("PENDING");
            for (JsonNode line : order.path("lines")) {
                units += line.path("quantity").asInt();
            }
        }
        assertThat(totalFree()).isEqualTo(freeBefore - units);

        var events = graphql(DEMO, """
                { events(where: {objectType: [Order]}, limit: 200) { id objectType changeType objectReference
                    object { __typename ... on Order { id number } } } }""").data("events");
        assertThat(events).hasSize(5);
        assertThat(events.get(0).path("changeType").asText()).isEqualTo("CREATED");
        assertThat(events.get(0).path("object").path("__typename").asText()).isEqualTo("DirectToConsumerOrder");
        assertThat(events.get(0).path("objectReference").asText())
                .isEqualTo(events.get(0).path("object").path("id").asText());

        List<Integer> ids = new ArrayList<>();
        events.forEach(e -> ids.add(e.path("id").asInt()));
        var confirmed = graphql(DEMO, "mutation { confirmEvents(input: {eventsIds: " + ids + "}) { userErrors { message } } }");
        assertThat(confirmed.data("confirmEvents").path("userErrors")).isEmpty();
        assertThat(graphql(DEMO, "{ events(limit: 10) { id } }").data("events")).isEmpty();
    }

    @Test
    void lockConfirmAndCancelFlow() {
        var lock = graphql(DEMO, """
                mutation { setOrdersLock(input: {orders: [{number: 39514}, {number: 39515}], isLocked: true}) {
                  orders { number isLocked } userErrors { message path } } }""").data("setOrdersLock");
        assertThat(lock.path("orders").get(1).path("isLocked").asBoolean()).isTrue();
        assertThat(graphql(DEMO, "{ orders(where: {isLocked: true}) { number } }").data("orders")).hasSize(2);

        var unknown = graphql(DEMO, """
                mutation { setOrdersLock(input: {orders: [{number: 14}, {number: 999999}], isLocked: true}) {
                  orders { number } userErrors { message path } } }""").data("setOrdersLock");
        assertThat(unknown.path("userErrors").get(0).path("message").asText()).isEqualTo("Order with number 999999 does not exist");
        assertThat(graphql(DEMO, "{ order(number: 14) { isLocked } }").data("order").path("isLocked").asBoolean()).isFalse();

        var confirm = graphql(DEMO, """
                mutation { confirmOrder(input: {order: {number: 3957}}) { order { number status } userErrors { message } } }""");
        assertThat(confirm.data("confirmOrder").path("order").path("status").asText()).isEqualTo("CONFIRMED");
        var again = graphql(DEMO, """
                mutation { confirmOrder(input: {order: {number: 3957}}) { order { number } userErrors { message } } }""");
        assertThat(again.data("confirmOrder").path("userErrors")).hasSize(1);

        var cancel = graphql(DEMO, """
                mutation { cancelDirectToConsumerOrder(id: "1497ccf644db871e1e4026d101bde6f3",
                    input: {comment: "customer regret", stockAction: {releaseItemsBackToWarehouse: true}}) {
                  order { status } userErrors { message } } }""").data("cancelDirectToConsumerOrder");
        assertThat(cancel.path("order").path("status").asText()).isEqualTo("CANCELLED");
        var chair = graphql(DEMO, CHAIR_STOCK).data("warehouse").path("stock").get(0);
        assertThat(chair.path("allocatedQuantity").asInt()).isEqualTo(6);
        assertThat(chair.path("freeToAllocateQuantity").asInt()).isEqualTo(24);
    }

    @Test
    void cancellingLinesReleasesStockAndBadLinesChangeNothing() {
        var bad = graphql(DEMO, """
                mutation { updateDirectToConsumerOrder(order: {number: 14}, input: {isOnHold: true,
                    cancelLines: [{line: {id: 68}, quantity: 1}, {line: {id: 17231}, quantity: 1}]}) {
                  order { number } userErrors { message path } } }""").data("updateDirectToConsumerOrder");
        assertThat(bad.path("userErrors").get(0).path("path").toString())
                .isEqualTo("[\"input\",\"cancelLines\",\"1\",\"line\"]");
        assertThat(graphql(DEMO, "{ order(number: 14) { isOnHold } }").data("order").path("isOnHold").asBoolean()).isFalse();

        var ok = graphql(DEMO, """
                mutation { updateDirectToConsumerOrder(order: {number: 14}, input: {
                    shippingAddress: {city: "Stockholm"},
                    cancelLines: [{line: {id: 68}, quantity: 1, stockAction: RELEASE_BACK_TO_WAREHOUSE}],
                    cancellationComment: "Some good reason"}) {
                  order { status shippingAddress { firstName city } lines { quantity cancelledQuantity lineValue { value } } }
                  userErrors { message } } }""").data("updateDirectToConsumerOrder");
        assertThat(ok.path("userErrors")).isEmpty();
        assertThat(ok.path("order").path("shippingAddress").path("firstName").asText()).isEqualTo("Jon");
        assertThat(ok.path("order").path("shippingAddress").path("city").asText()).isEqualTo("Stockholm");
        assertThat(ok.path("order").path("lines").get(0).path("quantity").asInt()).isEqualTo(1);
        assertThat(ok.path("order").path("lines").get(0).path("lineValue").path("value").asDouble()).isEqualTo(675.0);
        var chair = graphql(DEMO, CHAIR_STOCK).data("warehouse").path("stock").get(0);
        assertThat(chair.path("allocatedQuantity").asInt()).isEqualTo(7);

        var wrongKind = graphql(DEMO, """
                mutation { updateWholesaleOrder(order: {number: 14}, input: {isOnHold: true}) {
                  order { number } userErrors { message } } }""").data("updateWholesaleOrder");
        assertThat(wrongKind.path("userErrors").get(0).path("message").asText()).contains("not a wholesale order");
    }

    @Test
    void orderConnectionPagesWithCursors() {
        var first = graphql(DEMO, """
                { orderConnection(first: 2, where: {storeType: DIRECT_TO_CONSUMER}) {
                    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { number } } } }""")
                .data("orderConnection");
        assertThat(first.path("totalCount").asInt()).isEqualTo(4);
        assertThat(first.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
        String after = first.path("pageInfo").path("endCursor").asText();
        var next = graphql(DEMO, "{ orderConnection(first: 2, after: \"" + after + "\", where: {storeType: DIRECT_TO_CONSUMER}) "
                + "{ pageInfo { hasNextPage } edges { node { number } } } }").data("orderConnection");
        assertThat(next.path("edges").get(0).path("node").path("number").asInt()).isEqualTo(39514);
        assertThat(next.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
    }

    @Test
    void webhookSignatureMatchesCentrasDocumentedVector() {
        assertThat(WebhookSender.signature("test123", 12345678, "payload=%7B%22x%22%3A%22test%22%7D"))
                .isEqualTo("0b9cd84f5d583e5e1aadfb9f160aa8080b51d5b85ff85808d6b75bdac356c549");
    }

    private JsonNode placeOrders(int count) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        var response = http.postForEntity("/sandbox/admin/orders", new HttpEntity<>("{\"count\": " + count + "}", headers),
                JsonNode.class);
        assertThat(response.getStatusCode().is2xxSuccessful()).isTrue();
        return response.getBody();
    }

    private int totalFree() {
        int free = 0;
        var warehouses = graphql(DEMO, "{ warehouses { stock(limit: 200) { freeToAllocateQuantity } } }").data("warehouses");
        for (JsonNode warehouse : warehouses) {
            for (JsonNode stock : warehouse.path("stock")) {
                free += stock.path("freeToAllocateQuantity").asInt();
            }
        }
        return free;
    }
}
