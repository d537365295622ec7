package org.centraerp.connector.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/** createWarehouse, updateWarehouse, deleteMarket, deletePricelist, removeSizeChart/deleteSizeChart, setAlteredPrices; countries' geography. */
class SandboxSettingsMutationsTest extends SandboxTestSupport {

    @Test
    void aWarehouseIsCreatedWithTheAmsDefaults() {
        var created = ok(graphql(DEMO, """
                mutation { createWarehouse(input: { name: "Outlet", status: ACTIVE, country: {code: "DE"} }) {
                  userErrors { message } warehouse { id name status threshold stockMaster allocationPolicy country { code isEU } } } }"""))
                .path("createWarehouse");
        assertThat(created.path("userErrors")).isEmpty();
        assertThat(created.path("warehouse").path("id").asInt()).isEqualTo(3);
        assertThat(created.path("warehouse").path("stockMaster").asText()).isEqualTo("INTERNAL");
        assertThat(created.path("warehouse").path("country").path("isEU").asBoolean()).isTrue();
        var twice = ok(graphql(DEMO, """
                mutation { createWarehouse(input: { name: "outlet", status: ACTIVE }) { userErrors { message } warehouse { id } } }"""))
                .path("createWarehouse");
        assertThat(twice.path("userErrors").get(0).path("message").asText())
                .isEqualTo("Warehouse with name \"outlet\" already exists");
        assertThat(ok(graphql(DEMO, "{ warehouses { id } }")).path("warehouses")).hasSize(3);
    }

    @Test
    void whatIsInUseIsNotDeletedAndTheRestIs() {
        var used = ok(graphql(DEMO, "mutation { deletePricelist(id: 1) { userErrors { message } } }"))
                .path("deletePricelist");
        assertThat(used.path("userErrors").get(0).path("message").asText())
                .isEqualTo("Pricelist 1 is used by orders and cannot be deleted");
        var created = ok(graphql(DEMO, """
                mutation { createPricelist(input: { name: "Temp", status: ACTIVE, currencyIsoCode: "EUR", store: {id: 1} }) {
                  pricelist { id } userErrors { message } } }""")).path("createPricelist");
        int id = created.path("pricelist").path("id").asInt();
        assertThat(ok(graphql(DEMO, "mutation { deletePricelist(id: " + id + ") { userErrors { message } } }"))
                .path("deletePricelist").path("userErrors")).isEmpty();
        assertThat(ok(graphql(DEMO, "{ pricelist(id: " + id + ") { id } }")).path("pricelist").isNull()).isTrue();

        var chartInUse = ok(graphql(DEMO, "mutation { removeSizeChart(id: 2) { userErrors { message } } }"))
                .path("removeSizeChart");
        assertThat(chartInUse.path("userErrors").get(0).path("message").asText())
                .isEqualTo("Size chart 2 is used by product variants and cannot be removed");
        var chart = ok(graphql(DEMO, """
                mutation { createSizeChart(input: { name: "Shoes", horizontalLabels: ["40", "41"] }) { sizeChart { id } userErrors { message } } }"""))
                .path("createSizeChart");
        int chartId = chart.path("sizeChart").path("id").asInt();
        assertThat(ok(graphql(DEMO, "mutation { deleteSizeChart(id: " + chartId + ") { userErrors { message } } }"))
                .path("deleteSizeChart").path("userErrors")).isEmpty();
        assertThat(ok(graphql(DEMO, "{ sizeCharts { id } }")).path("sizeCharts").findValuesAsText("id"))
                .doesNotContain(String.valueOf(chartId));
    }

    @Test
    void alteredPricesAreReadBackFromTheAlteration() {
        var alteration = ok(graphql(DEMO, """
                mutation { createPriceAlteration(input: { name: "Spring sale", startDate: "2030-03-01T00:00:00+0000", status: ACTIVE, store: {id: 1} }) {
                  priceAlteration { id } userErrors { message } } }""")).path("createPriceAlteration");
        int id = alteration.path("priceAlteration").path("id").asInt();
        var set = ok(graphql(DEMO, """
                mutation { setAlteredPrices(input: { priceAlteration: {id: %d} pricelist: {id: 1}
                    productPrices: [{ product: {id: 1} price: {value: 399, currencyIsoCode: "SEK"} }] }) {
                  userErrors { message } priceAlteration { id } pricelist { name } products { name } } }""".formatted(id)))
                .path("setAlteredPrices");
        assertThat(set.path("userErrors")).as(set.toString()).isEmpty();
        assertThat(set.path("products").get(0).path("name").asText()).isEqualTo("Sweater");
        var prices = ok(graphql(DEMO, """
                { priceAlteration(id: %d) { prices(where: {pricelistId: [1]}) { id price { formattedValue } pricelist { id } product { name } } } }"""
                .formatted(id))).path("priceAlteration").path("prices");
        assertThat(prices).hasSize(1);
        assertThat(prices.get(0).path("price").path("formattedValue").asText()).isEqualTo("399.00 SEK");
        var wrongCurrency = ok(graphql(DEMO, """
                mutation { setAlteredPrices(input: { priceAlteration: {id: %d} pricelist: {id: 1}
                    productPrices: [{ product: {id: 1} price: {value: 39, currencyIsoCode: "EUR"} }] }) { userErrors { message } } }"""
                .formatted(id))).path("setAlteredPrices");
        assertThat(wrongCurrency.path("userErrors").get(0).path("message").asText())
                .isEqualTo("Price currency EUR does not match the pricelist's currency SEK");
    }

    @Test
    void countriesAnswerContinentEuMembershipAndStates() {
        var countries = ok(graphql(DEMO, """
                { eu: countries(where: {isEU: true}) { code }
                  us: countries(where: {ISO2: ["US"]}) { name continent isEU states { code name } } }"""));
        assertThat(countries.path("eu").findValuesAsText("code")).contains("SE", "DE").doesNotContain("NO", "GB", "US");
        JsonNode us = countries.path("us").get(0);
        assertThat(us.path("continent").asText()).isEqualTo("North America");
        assertThat(us.path("isEU").asBoolean()).isFalse();
        assertThat(us.path("states")).hasSize(51);
        assertThat(us.path("states").get(1).path("name").asText()).isEqualTo("Alaska");
    }

    @Test
    void aWarehouseUpdateChangesOnlyTheFieldsGiven() {
        var updated = ok(graphql(DEMO, """
                mutation { updateWarehouse(id: 2, input: { name: "Store Warehouse", threshold: 3, country: {code: "DE"} }) {
                  userErrors { message } warehouse { id name status threshold allocationPolicy country { code } } } }"""))
                .path("updateWarehouse");
        assertThat(updated.path("userErrors")).isEmpty();
        assertThat(updated.path("warehouse").path("name").asText()).isEqualTo("Store Warehouse");
        assertThat(updated.path("warehouse").path("threshold").asInt()).isEqualTo(3);
        assertThat(updated.path("warehouse").path("status").asText()).isEqualTo("ACTIVE");
        assertThat(updated.path("warehouse").path("allocationPolicy").asText()).isEqualTo("ALLOCATE");
        assertThat(updated.path("warehouse").path("country").path("code").asText()).isEqualTo("DE");
        var clash = ok(graphql(DEMO, """
                mutation { updateWarehouse(id: 2, input: { name: "main warehouse" }) { userErrors { message } warehouse { id } } }"""))
                .path("updateWarehouse");
        assertThat(clash.path("userErrors").get(0).path("message").asText())
                .isEqualTo("Warehouse with name \"main warehouse\" already exists");
        assertThat(ok(graphql(DEMO, "{ warehouse(id: 2) { name } }")).path("warehouse").path("name").asText())
                .isEqualTo("Store Warehouse");
        var missing = ok(graphql(DEMO, "mutation { updateWarehouse(id: 99, input: { threshold: 1 }) { userErrors { message } } }"))
                .path("updateWarehouse");
        assertThat(missing.path("userErrors").get(0).path("message").asText()).isEqualTo("Warehouse with id 99 does not exist");
    }

    @Test
    void aMarketInUseStaysAndAnUnusedOneLeavesItsDisplays() {
        var used = ok(graphql(DEMO, "mutation { deleteMarket(id: 1) { userErrors { message } } }")).path("deleteMarket");
        assertThat(used.path("userErrors").findValuesAsText("message"))
                .contains("Market 1 is used by orders and cannot be deleted");
        var unused = ok(graphql(DEMO, "mutation { deleteMarket(id: 3) { userErrors { message } } }")).path("deleteMarket");
        assertThat(unused.path("userErrors")).isEmpty();
        assertThat(ok(graphql(DEMO, "{ markets { id } }")).path("markets").findValuesAsText("id"))
                .containsExactly("1", "2", "4");
        assertThat(ok(graphql(DEMO, "{ display(id: 1) { markets { id } } }")).path("display").path("markets")
                .findValuesAsText("id")).containsExactly("1", "2");
    }

    private static JsonNode ok(Answer answer) {
        assertThat(answer.body().path("errors").isMissingNode()).as(answer.body().toString()).isTrue();
        return answer.body().path("data");
    }
}
