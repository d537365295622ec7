package org.centraerp.connector.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.centraerp.connector.sandbox.api.Payload;
import org.centraerp.connector.sandbox.api.Ref;
import org.centraerp.connector.sandbox.api.StockController;
import org.centraerp.connector.sandbox.api.StockController.ProductSizeRef;
import org.centraerp.connector.sandbox.api.StockController.StockQuantityType;
import org.centraerp.connector.sandbox.api.StockController.StockSetInput;
import org.centraerp.connector.sandbox.api.StockController.StockSetProductSizeInput;
import org.centraerp.connector.sandbox.store.ProductSize;
import org.centraerp.connector.sandbox.store.ProductVariant;
import org.centraerp.connector.sandbox.store.SandboxData;
import org.centraerp.connector.sandbox.store.Status;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** setStock, changeStock and the stock reads: levels per size x warehouse, FTA limits, stock changes by comment. */
class SandboxStockTest extends SandboxTestSupport {

    @Autowired
    private StockController stockController;

    @Autowired
    private SandboxData data;

    private static final String STOCK_OF_SIZE_1 = """
            { warehouse(id: 1) { stock(where: {productSizeId: [1]}) {
                physicalQuantity freeToAllocateQuantity allocatedQuantity productSize { SKU } } } }""";

    @Test
    void seededStockReadsBack() {
        var stock = graphql(DEMO, STOCK_OF_SIZE_1).data("warehouse").path("stock").get(0);

        assertThat(stock.path("physicalQuantity").asInt()).isEqualTo(10);
        assertThat(stock.path("freeToAllocateQuantity").asInt()).isEqualTo(10);
        assertThat(stock.path("allocatedQuantity").asInt()).isZero();
        assertThat(stock.path("productSize").path("SKU").asText()).isEqualTo("SWEATER-RED-S");
    }

    @Test
    void setStockThenReadBackAndFindTheChangeByComment() {
        var answer = graphql(DEMO, """
                mutation { setStock(input: {warehouse: {id: 1}, description: "erp-batch-42", stockQuantityType: PHYSICAL,
                    productSizes: [{productSize: {SKU: "SWEATER-RED-S"}, quantity: 7},
                                   {productSize: {EAN: "7350001000022"}, quantity: 12}],
                    productVariants: [{productVariant: {id: 2}, sizeStockLevels: [{size: {name: "L"}, quantity: 0}]}]}) {
                  stockChanges { id comment type lines(limit: 200) { deliveredQuantity freeToAllocateQuantity productSize { id } } }
                  userErrors { message path } userWarnings { message } } }""");

        var payload = answer.data("setStock");
        assertThat(payload.path("userErrors")).isEmpty();
        var change = payload.path("stockChanges").get(0);
        assertThat(change.path("comment").asText()).isEqualTo("erp-batch-42");
        assertThat(ints(change.path("lines"), "deliveredQuantity")).containsExactly(-10, -3, 2);

        var stock = graphql(DEMO, STOCK_OF_SIZE_1).data("warehouse").path("stock").get(0);
        assertThat(stock.path("physicalQuantity").asInt()).isEqualTo(7);
        assertThat(stock.path("freeToAllocateQuantity").asInt()).isEqualTo(7);
        var totals = graphql(DEMO, "{ productVariant(id: 2) { stockTotals { physicalQuantity } } }");
        assertThat(totals.data("productVariant").path("stockTotals").path("physicalQuantity").asInt())
                .isEqualTo(10 + 10 + 0 + 2);

        var found = graphql(DEMO, """
                { stockChangeConnection(where: {comment: {contains: "batch-42"}}) {
                    totalCount edges { cursor node { id comment } } } }""").data("stockChangeConnection");
        assertThat(found.path("totalCount").asInt()).isEqualTo(1);
        assertThat(found.path("edges").get(0).path("node").path("id").asInt()).isEqualTo(change.path("id").asInt());
        var notFound = graphql(DEMO, """
                { stockChangeConnection(where: {comment: {contains: "batch-43"}}) { totalCount } }""");
        assertThat(notFound.data("stockChangeConnection").path("totalCount").asInt()).isZero();
    }

    @Test
    void unknownSkuIsAUserErrorWithItsPathAndNothingChanges() {
        var answer = graphql(DEMO, """
                mutation { setStock(input: {warehouse: {id: 1}, description: "bad", stockQuantityType: PHYSICAL,
                    productSizes: [{productSize: {SKU: "SWEATER-RED-S"}, quantity: 3},
                                   {productSize: {SKU: "NO-SUCH-SKU"}, quantity: 3},
                                   {productSize: {id: 2}, quantity: -1}]}) {
                  stockChanges { id } userErrors { message path } } }""");

        var payload = answer.data("setStock");
        assertThat(payload.path("stockChanges")).isEmpty();
        var errors = payload.path("userErrors");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).path("message").asText()).isEqualTo("Product size with SKU \"NO-SUCH-SKU\" does not exist");
        assertThat(texts(errors.get(0).path("path"))).containsExactly("input", "productSizes", "1", "productSize");
        assertThat(texts(errors.get(1).path("path"))).containsExactly("input", "productSizes", "2", "quantity");

        var stock = graphql(DEMO, STOCK_OF_SIZE_1).data("warehouse").path("stock").get(0);
        assertThat(stock.path("physicalQuantity").asInt()).isEqualTo(10);
        assertThat(graphql(DEMO, "{ stockChangeConnection { totalCount } }")
                .data("stockChangeConnection").path("totalCount").asInt()).isZero();
    }

    @Test
    void unknownWarehouseIsAUserError() {
        var payload = graphql(DEMO, """
                mutation { setStock(input: {warehouse: {id: 99}, description: "x", stockQuantityType: PHYSICAL,
                    productSizes: [{productSize: {id: 1}, quantity: 3}]}) { userErrors { message path } } }""")
                .data("setStock");

        assertThat(payload.path("userErrors").get(0).path("message").asText())
                .isEqualTo("Warehouse with id 99 does not exist");
    }

    @Test
    void changeStockOutBeyondFreeToAllocateIsRefused() {
        var answer = graphql(DEMO, """
                mutation { changeStock(input: {outFromWarehouse: {id: 1}, description: "too much",
                    productSizes: [{productSize: {any: "SWEATER-RED-S"}, deliveredQuantity: 11}]}) {
                  stockChange { id } userErrors { message path } } }""");

        var payload = answer.data("changeStock");
        assertThat(payload.path("stockChange").isNull()).isTrue();
        assertThat(payload.path("userErrors").get(0).path("message").asText()).contains("Not enough stock");
        assertThat(texts(payload.path("userErrors").get(0).path("path")))
                .containsExactly("input", "productSizes", "0", "deliveredQuantity");
        var stock = graphql(DEMO, STOCK_OF_SIZE_1).data("warehouse").path("stock").get(0);
        assertThat(stock.path("physicalQuantity").asInt()).isEqualTo(10);
    }

    @Test
    void changeStockDeliversRemovesAndTransfers() {
        var into = graphql(DEMO, """
                mutation { changeStock(input: {intoWarehouse: {id: 1}, description: "delivery",
                    productVariants: [{productVariant: {id: 1}, unitCost: {value: 41, currencyIsoCode: "EUR"},
                        sizeChanges: {size: {name: "S"}, deliveredQuantity: 2}}]}) {
                  stockChange { id type } userErrors { message } } }""").data("changeStock");
        assertThat(into.path("userErrors")).isEmpty();
        assertThat(into.path("stockChange").path("type").asText()).isEqualTo("DELIVERY");

        var transfer = graphql(DEMO, """
                mutation { changeStock(input: {outFromWarehouse: {id: 1}, intoWarehouse: {id: 2}, description: "move",
                    productSizes: [{productSize: {id: 1}, deliveredQuantity: 12}]}) {
                  stockChange { id type lines { deliveredQuantity warehouse { id } } } userErrors { message } } }""")
                .data("changeStock");
        assertThat(transfer.path("userErrors")).isEmpty();
        assertThat(ints(transfer.path("stockChange").path("lines"), "deliveredQuantity")).containsExactly(-12, 12);

        var levels = graphql(DEMO, """
                { warehouses { id stock(where: {productSizeId: [1]}) { physicalQuantity } } }""").data("warehouses");
        assertThat(levels.get(0).path("stock").get(0).path("physicalQuantity").asInt()).isZero();
        assertThat(levels.get(1).path("stock").get(0).path("physicalQuantity").asInt()).isEqualTo(14);
    }

    @Test
    void fiveHundredSizesAreSetQuicklyInProcess() {
        List<StockSetProductSizeInput> sizes = new ArrayList<>();
        data.write(() -> {
            int variantId = data.productVariants.nextId();
            data.productVariants.put(new ProductVariant(variantId, 1, "Bench", Status.ACTIVE, "-BENCH", null, null,
                    2, null, Instant.now()));
            for (int i = 0; i < 500; i++) {
                data.productSizes.put(new ProductSize(data.productSizes.nextId(), variantId, 2, "99" + i, null,
                        "-" + i, null, false, true));
                sizes.add(new StockSetProductSizeInput(new ProductSizeRef(null, "SWEATER-BENCH-" + i, null, null,
                        null), i % 17, null));
            }
            return null;
        });
        var input = new StockSetInput(new Ref(1, null), "bench", null, sizes, StockQuantityType.PHYSICAL);

        long best = Long.MAX_VALUE;
        Payload payload = null;
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            payload = stockController.setStock(input);
            best = Math.min(best, System.nanoTime() - start);
        }

        assertThat(payload.userErrors()).isEmpty();
        assertThat(best / 1_000_000).as("milliseconds for 500 sizes").isLessThan(20);
        var stock = graphql(DEMO, "{ warehouse(id: 1) { stock(where: {productVariantId: [4]}, limit: 200, page: 3) "
                + "{ physicalQuantity } } }").data("warehouse").path("stock");
        assertThat(stock).hasSize(100);
        assertThat(stock.get(99).path("physicalQuantity").asInt()).isEqualTo(499 % 17);
    }

    private static List<String> texts(JsonNode array) {
        var list = new ArrayList<String>();
        array.forEach(node -> list.add(node.asText()));
        return list;
    }

    private static List<Integer> ints(JsonNode array, String field) {
        var list = new ArrayList<Integer>();
        array.forEach(node -> list.add(node.path(field).asInt()));
        return list;
    }
}
