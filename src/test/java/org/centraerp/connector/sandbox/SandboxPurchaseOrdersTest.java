package org.centraerp.connector.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/**
 * Purchase orders and their deliveries ("indeliveries"): the seeded order answers Centra's fields, a created order
 * takes a delivery, and accepting a delivery adds its lines to the warehouse's physical stock.
 */
class SandboxPurchaseOrdersTest extends SandboxTestSupport {

    @Test
    void theSeededPurchaseOrderAnswersItsLinesDeliveriesAndPermissions() {
        Answer answer = graphql(DEMO, """
                { purchaseOrders { id status ourReference internalComment totalQuantity totalValue { value currency { code } }
                    ETA(format: "Y-m-d") supplier { name } preferredWarehouse { id }
                    lines { quantity unlinkedQuantity unitCost { value } customsType customsPercent customsValue { value }
                            productSize { id SKU } productVariant { id } product { id } }
                    deliveries { id number status } } }""");
        JsonNode order = ok(answer).path("purchaseOrders").get(0);
        assertThat(order.path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(order.path("ourReference").asText()).isEqualTo("PO-2024-001");
        assertThat(order.path("totalQuantity").asInt()).isEqualTo(20);
        assertThat(order.path("totalValue").path("value").asDouble()).isEqualTo(360.0);
        assertThat(order.path("totalValue").path("currency").path("code").asText()).isEqualTo("EUR");
        assertThat(order.path("ETA").asText()).isEqualTo("2024-03-01");
        assertThat(order.path("supplier").path("name").asText()).isEqualTo("Nordic Knitwear AB");
        JsonNode line = order.path("lines").get(0);
        assertThat(line.path("customsValue").path("value").asDouble()).isEqualTo(2.16);
        assertThat(line.path("productSize").path("SKU").asText()).isEqualTo("SWEATER-BLUE-S");
        assertThat(order.path("deliveries").get(0).path("status").asText()).isEqualTo("PENDING");
        assertThat(answer.permissionsUsed()).contains("PurchaseOrder:read", "PurchaseOrder.internalComment:read",
                "Supplier:read", "Warehouse:read", "PurchaseOrderDelivery:read", "ProductSize:read");
    }

    @Test
    void acceptingADeliveryAddsPhysicalStockAndInsertsIt() {
        int before = physical(4, 1);
        assertThat(incoming(4, 1)).as("ordered, nothing delivered yet").isEqualTo(10);
        JsonNode accepted = ok(graphql(DEMO, """
                mutation { acceptPurchaseOrderDelivery(id: 1, input: { adminUser: {id: 1}, stockInsertType: AVAILABLE }) {
                    purchaseOrderDelivery { status warehouse { id } stockChange { id type lines { deliveredQuantity productSize { id } } }
                        lines { quantity landedCost { value } } }
                    userErrors { message } } }""")).path("acceptPurchaseOrderDelivery");
        assertThat(accepted.path("userErrors")).isEmpty();
        JsonNode delivery = accepted.path("purchaseOrderDelivery");
        assertThat(delivery.path("status").asText()).isEqualTo("INSERTED");
        assertThat(delivery.path("stockChange").path("type").asText()).isEqualTo("DELIVERY");
        assertThat(delivery.path("stockChange").path("lines").findValuesAsText("deliveredQuantity"))
                .containsExactly("5", "5");
        // 18 + 12 % customs (2.16) + 20 shipping over 10 units (2.00)
        assertThat(delivery.path("lines").get(0).path("landedCost").path("value").asDouble()).isEqualTo(22.16);
        assertThat(physical(4, 1)).isEqualTo(before + 5);
        assertThat(incoming(4, 1)).as("half of the order came in").isEqualTo(5);

        JsonNode inserted = ok(graphql(DEMO, "{ purchaseOrderDeliveries(where: {status: INSERTED}) { id number } }"))
                .path("purchaseOrderDeliveries");
        assertThat(inserted.findValuesAsText("number")).containsExactly("1-1");

        JsonNode again = ok(graphql(DEMO, """
                mutation { acceptPurchaseOrderDelivery(id: 1, input: { adminUser: {id: 1}, stockInsertType: AVAILABLE }) {
                    purchaseOrderDelivery { id } userErrors { message } } }""")).path("acceptPurchaseOrderDelivery");
        assertThat(again.path("userErrors").get(0).path("message").asText()).contains("already accepted");
        assertThat(physical(4, 1)).isEqualTo(before + 5);
    }

    @Test
    void aCreatedPurchaseOrderIsCompletedByTheDeliveriesThatHoldEveryUnit() {
        ok(graphql(DEMO, "mutation { setEventListeners(input: [{objectType: PurchaseOrder}, {objectType: PurchaseOrderDelivery}]) { userErrors { message } } }"));
        JsonNode created = ok(graphql(DEMO, """
                mutation { createPurchaseOrder(input: { supplier: {id: 1}, shippingAddress: { address1: "Lagergatan 1" },
                    preferredWarehouse: {id: 2}, ourReference: "PO-NEW",
                    addPurchaseOrderLines: [{ productVariant: {id: 3}, productSize: {id: 7}, quantity: 4,
                                              unitPrice: { value: 30, currencyIsoCode: "EUR" } }] }) {
                    purchaseOrder { id status currency { code } lines { unitCost { value } } } userErrors { message } } }"""))
                .path("createPurchaseOrder");
        assertThat(created.path("userErrors")).isEmpty();
        int orderId = created.path("purchaseOrder").path("id").asInt();
        assertThat(created.path("purchaseOrder").path("status").asText()).isEqualTo("PENDING");

        JsonNode delivery = ok(graphql(DEMO, """
                mutation { createPurchaseOrderDelivery(input: { purchaseOrder: {id: %d}, shippingDistributionMethod: BY_VALUE,
                    adminUser: {id: 1}, shippingCost: { value: 8, currencyIsoCode: "EUR" },
                    addUnlinkedLines: [{ productVariant: {id: 3}, productSize: {id: 7}, quantity: 4 }] }) {
                    purchaseOrderDelivery { id number status warehouse { id } lines { unitCost { value } landedCost { value } } }
                    userErrors { message } } }""".formatted(orderId))).path("createPurchaseOrderDelivery");
        assertThat(delivery.path("userErrors")).isEmpty();
        JsonNode pending = delivery.path("purchaseOrderDelivery");
        assertThat(pending.path("number").asText()).isEqualTo(orderId + "-1");
        assertThat(pending.path("warehouse").path("id").asInt()).isEqualTo(2);
        assertThat(pending.path("lines").get(0).path("unitCost").path("value").asDouble()).isEqualTo(30.0);
        assertThat(pending.path("lines").get(0).path("landedCost").path("value").asDouble()).isEqualTo(32.0);

        int before = physical(7, 2);
        assertThat(incoming(7, 2)).isEqualTo(4);
        ok(graphql(DEMO, """
                mutation { acceptPurchaseOrderDelivery(id: %d, input: { adminUser: {id: 1}, stockInsertType: AVAILABLE }) {
                    userErrors { message } } }""".formatted(pending.path("id").asInt())));
        assertThat(physical(7, 2)).isEqualTo(before + 4);
        assertThat(incoming(7, 2)).isZero();
        assertThat(ok(graphql(DEMO, "{ productVariant(id: 3) { stockTotals { incomingQuantity } } }"))
                .path("productVariant").path("stockTotals").path("incomingQuantity").asInt()).isZero();
        assertThat(ok(graphql(DEMO, "{ purchaseOrder(id: " + orderId + ") { status } }")).path("purchaseOrder")
                .path("status").asText()).isEqualTo("COMPLETED");

        JsonNode events = ok(graphql(DEMO, "{ events(limit: 50) { objectType changeType object { __typename } } }"))
                .path("events");
        List<String> seen = new ArrayList<>();
        events.forEach(e -> seen.add(e.path("objectType").asText() + " " + e.path("changeType").asText()));
        assertThat(seen).contains("PurchaseOrder CREATED", "PurchaseOrderDelivery CREATED", "PurchaseOrderDelivery COMPLETED",
                "PurchaseOrder COMPLETED");
        assertThat(events.get(0).path("object").path("__typename").asText()).isEqualTo("PurchaseOrder");
    }

    @Test
    void wrongReferencesAreUserErrorsAndChangeNothing() {
        JsonNode created = ok(graphql(DEMO, """
                mutation { createPurchaseOrder(input: { supplier: {id: 99}, shippingAddress: { address1: "x" },
                    addPurchaseOrderLines: [{ productVariant: {id: 1}, productSize: {id: 7}, quantity: 1 }] }) {
                    purchaseOrder { id } userErrors { message path } } }""")).path("createPurchaseOrder");
        assertThat(created.path("purchaseOrder").isNull()).isTrue();
        assertThat(created.path("userErrors").findValuesAsText("message"))
                .contains("Supplier with id 99 does not exist", "Product size 7 does not belong to product variant 1");

        JsonNode delivery = ok(graphql(DEMO, """
                mutation { createPurchaseOrderDelivery(input: { purchaseOrder: {id: 1}, shippingDistributionMethod: BY_QUANTITY,
                    adminUser: {id: 1}, addUnlinkedLines: [{ productVariant: {id: 3}, productSize: {id: 7}, quantity: 1 }] }) {
                    purchaseOrderDelivery { id } userErrors { message } } }""")).path("createPurchaseOrderDelivery");
        assertThat(delivery.path("userErrors").get(0).path("message").asText())
                .isEqualTo("Product size 7 is not on purchase order 1");
        assertThat(ok(graphql(DEMO, "{ purchaseOrders { id } }")).path("purchaseOrders")).hasSize(1);
        assertThat(ok(graphql(DEMO, "{ purchaseOrderDeliveries { id } }")).path("purchaseOrderDeliveries")).hasSize(1);
    }

    @Test
    void theReadOnlyTokenCannotAcceptADelivery() {
        Answer answer = graphql("sandbox-readonly-token", """
                mutation { acceptPurchaseOrderDelivery(id: 1, input: { adminUser: {id: 1}, stockInsertType: AVAILABLE }) {
                    userErrors { message } } }""");
        assertThat(answer.body().path("errors").get(0).path("message").asText())
                .contains("PurchaseOrderDelivery:write");
    }

    @Test
    void theDeliveryConnectionPagesWithCursors() {
        for (int i = 0; i < 2; i++) {
            ok(graphql(DEMO, """
                    mutation { createPurchaseOrderDelivery(input: { purchaseOrder: {id: 1}, shippingDistributionMethod: BY_QUANTITY,
                        adminUser: {id: 1}, addUnlinkedLines: [{ productVariant: {id: 2}, productSize: {id: 4}, quantity: 1 }] }) {
                        userErrors { message } } }"""));
        }
        JsonNode first = ok(graphql(DEMO, "{ purchaseOrderDeliveryConnection(first: 2, sort: [id_ASC]) { totalCount"
                + " edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }"))
                .path("purchaseOrderDeliveryConnection");
        assertThat(first.path("totalCount").asInt()).isEqualTo(3);
        assertThat(first.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
        JsonNode rest = ok(graphql(DEMO, "{ purchaseOrderDeliveryConnection(first: 2, sort: [id_ASC], after: \""
                + first.path("pageInfo").path("endCursor").asText() + "\") { edges { node { id } } pageInfo { hasNextPage } } }"))
                .path("purchaseOrderDeliveryConnection");
        assertThat(rest.path("edges").findValuesAsText("id")).containsExactly("3");
        assertThat(rest.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
    }

    @Test
    void purchaseOrdersFilterBySupplierStatusAndSize() {
        JsonNode answer = ok(graphql(DEMO, """
                { bySupplier: purchaseOrders(where: {supplierId: [1], status: [CONFIRMED], productSizeId: [5]}) { id }
                  none: purchaseOrders(where: {status: [COMPLETED]}) { id }
                  byName: purchaseOrders(where: {supplierName: ["Nordic Knitwear AB"], ETA: {from: "2024-02-01 00:00:00"}}) { id }
                  connection: purchaseOrderConnection(first: 1) { totalCount edges { cursor node { ourReference } } }
                  suppliers { id name currency { code } } }"""));
        assertThat(answer.path("bySupplier").findValuesAsText("id")).containsExactly("1");
        assertThat(answer.path("none")).isEmpty();
        assertThat(answer.path("byName").findValuesAsText("id")).containsExactly("1");
        assertThat(answer.path("connection").path("totalCount").asInt()).isEqualTo(1);
        assertThat(answer.path("connection").path("edges").get(0).path("node").path("ourReference").asText())
                .isEqualTo("PO-2024-001");
        assertThat(answer.path("suppliers").get(0).path("currency").path("code").asText()).isEqualTo("EUR");
    }

    private int incoming(int productSizeId, int warehouseId) {
        JsonNode stock = ok(graphql(DEMO, "{ warehouse(id: " + warehouseId + ") { stock(where: {productSizeId: ["
                + productSizeId + "]}) { incomingQuantity unlinkedIncomingQuantity } stockTotals(where: {productSizeId: ["
                + productSizeId + "]}) { incomingQuantity } } }")).path("warehouse");
        int incoming = stock.path("stock").get(0).path("incomingQuantity").asInt();
        assertThat(stock.path("stock").get(0).path("unlinkedIncomingQuantity").asInt()).isEqualTo(incoming);
        assertThat(stock.path("stockTotals").path("incomingQuantity").asInt()).isEqualTo(incoming);
        return incoming;
    }

    private int physical(int productSizeId, int warehouseId) {
        return ok(graphql(DEMO, "{ warehouse(id: " + warehouseId + ") { stock(where: {productSizeId: [" + productSizeId
                + "]}) { physicalQuantity } } }")).path("warehouse").path("stock").get(0).path("physicalQuantity").asInt();
    }

    private static JsonNode ok(Answer answer) {
        assertThat(answer.body().path("errors").isMissingNode()).as(answer.body().toString()).isTrue();
        return answer.body().path("data");
    }
}
