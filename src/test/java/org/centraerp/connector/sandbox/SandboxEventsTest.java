package org.centraerp.connector.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/** Every object the sandbox changes is told in the event queue with Centra's change types and its current state. */
class SandboxEventsTest extends SandboxTestSupport {

    @Test
    void productCustomerStockAndB2bChangesAreQueuedForTheirListeners() {
        ok(graphql(DEMO, """
                mutation { setEventListeners(input: [{objectType: Product}, {objectType: Customer},
                    {objectType: StockChange}, {objectType: Account, changeTypes: [UPDATED]}]) { userErrors { message } } }"""));

        ok(graphql(DEMO, """
                mutation { createProduct(input: { name: "Scarf", status: ACTIVE, productNumber: "SCARF" }) { userErrors { message } } }"""));
        ok(graphql(DEMO, """
                mutation { updateCustomer(customer: {id: 2}, input: { lastName: "Stark-Snow" }) { userErrors { message } } }"""));
        ok(graphql(DEMO, """
                mutation { changeStock(input: { description: "count" intoWarehouse: {id: 1}
                    productSizes: [{ productSize: {id: 1}, deliveredQuantity: 2 }] }) { userErrors { message } } }"""));
        ok(graphql(DEMO, """
                mutation { createAccount(input: { name: "New", status: ACTIVE, market: {id: 4}, pricelist: {id: 4} }) { userErrors { message } } }"""));
        ok(graphql(DEMO, """
                mutation { updateAccount(id: 1, input: { name: "Nordic Retail" }) { userErrors { message } } }"""));
        // not listened to: no event
        ok(graphql(DEMO, """
                mutation { createWarehouse(input: { name: "Spare", status: ACTIVE }) { userErrors { message } } }"""));

        JsonNode events = ok(graphql(DEMO, """
                { events(limit: 50) { objectType changeType objectReference
                    object { __typename ... on Product { name } ... on Customer { lastName } ... on StockChange { comment }
                             ... on Account { name } } } }""")).path("events");
        List<String> seen = new ArrayList<>();
        events.forEach(e -> seen.add(e.path("objectType").asText() + " " + e.path("changeType").asText() + " "
                + e.path("object").path("__typename").asText()));
        assertThat(seen).containsExactly("Product CREATED Product", "Customer UPDATED Customer",
                "StockChange CREATED StockChange", "Account UPDATED Account");
        assertThat(events.get(0).path("object").path("name").asText()).isEqualTo("Scarf");
        assertThat(events.get(1).path("object").path("lastName").asText()).isEqualTo("Stark-Snow");
        assertThat(events.get(3).path("object").path("name").asText()).isEqualTo("Nordic Retail");
    }

    @Test
    void priceChangesAndAttributeAssignmentsAreQueued() {
        ok(graphql(DEMO, "mutation { setEventListeners(input: [{objectType: Price}, {objectType: Product}]) { userErrors { message } } }"));
        ok(graphql(DEMO, """
                mutation { setPrices(input: { pricelist: { id: 1 }, productPrices: [
                  { product: { id: 1 }, price: { value: 499, currencyIsoCode: "SEK" } } ] }) { userErrors { message } } }"""));
        ok(graphql(DEMO, """
                mutation { setPrices(input: { pricelist: { id: 1 }, productPrices: [
                  { product: { id: 1 }, price: { value: 459, currencyIsoCode: "SEK" } } ] }) { userErrors { message } } }"""));
        int alteration = ok(graphql(DEMO, """
                mutation { createPriceAlteration(input: { name: "Sale", startDate: "2030-03-01T00:00:00+0000", status: ACTIVE, store: {id: 1} }) {
                  priceAlteration { id } userErrors { message } } }""")).path("createPriceAlteration").path("priceAlteration").path("id").asInt();
        ok(graphql(DEMO, """
                mutation { setAlteredPrices(input: { priceAlteration: {id: %d} pricelist: {id: 1}
                    productPrices: [{ product: {id: 1} price: {value: 399, currencyIsoCode: "SEK"} }] }) { userErrors { message } } }"""
                .formatted(alteration)));
        ok(graphql(DEMO, """
                mutation { assignAttributes(input: { objectType: Product, objectId: 2, mappedAttributes: [{ attributeTypeName: "pr_materials", attributeId: 8 }] }) {
                  userErrors { message } } }"""));

        JsonNode events = ok(graphql(DEMO, """
                { events(limit: 50) { objectType changeType objectReference
                    object { __typename ... on Price { price { value } pricelist { id } product { id } } ... on Product { id } } } }"""))
                .path("events");
        List<String> seen = new ArrayList<>();
        events.forEach(e -> seen.add(e.path("objectType").asText() + " " + e.path("changeType").asText() + " "
                + e.path("objectReference").asText()));
        assertThat(seen).containsExactly("Price CREATED 1-1", "Price UPDATED 1-1", "Price CREATED 1", "Product UPDATED 2");
        // the base price answers as it is now, the altered price as set
        assertThat(events.get(0).path("object").path("price").path("value").asDouble()).isEqualTo(459.0);
        assertThat(events.get(2).path("object").path("price").path("value").asDouble()).isEqualTo(399.0);
        assertThat(events.get(2).path("object").path("__typename").asText()).isEqualTo("Price");
        assertThat(events.get(3).path("object").path("id").asInt()).isEqualTo(2);
    }

    @Test
    void reseedingTellsNothing() {
        ok(graphql(DEMO, "mutation { setEventListeners(input: [{objectType: Product}]) { userErrors { message } } }"));
        http.postForEntity("/sandbox/admin/reset", null, String.class);
        ok(graphql(DEMO, "mutation { setEventListeners(input: [{objectType: Product}]) { userErrors { message } } }"));
        assertThat(ok(graphql(DEMO, "{ events { id } }")).path("events")).isEmpty();
    }

    private static JsonNode ok(Answer answer) {
        assertThat(answer.body().path("errors").isMissingNode()).as(answer.body().toString()).isTrue();
        JsonNode data = answer.body().path("data");
        data.forEach(payload -> assertThat(payload.path("userErrors").isMissingNode() || payload.path("userErrors").isEmpty())
                .as(payload.toString()).isTrue());
        return data;
    }
}
