package org.centraerp.connector.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/** Customers with Centra's filters, their last order and order details; createCustomer and updateCustomer. */
class SandboxCustomersTest extends SandboxTestSupport {

    @Test
    void customersAreFoundByCentrasFiltersWithTheirLastOrder() {
        var answer = ok(graphql(DEMO, """
                { byEmail: customers(where: { email: {equals: "jon.snow@example.com"} }) {
                    id email firstName lastName phoneNumber country { code } market { name } language { code }
                    totalOrders lastOrder { number status } }
                  byMarket: customers(where: { marketId: [2] }) { email }
                  bySearch: customers(where: { search: "stark" }) { id }
                  withOrders: customers(where: { totalOrders: {from: 1} }) { id } }"""));
        JsonNode jon = answer.path("byEmail").get(0);
        assertThat(jon.path("country").path("code").asText()).isEqualTo("SE");
        assertThat(jon.path("language").path("code").asText()).isEqualTo("sv");
        assertThat(jon.path("totalOrders").asInt()).isEqualTo(4);
        assertThat(jon.path("lastOrder").path("number").asInt()).isPositive();
        assertThat(answer.path("byMarket").get(0).path("email").asText()).isEqualTo("arya.stark@example.com");
        assertThat(answer.path("bySearch").get(0).path("id").asInt()).isEqualTo(2);
        assertThat(answer.path("withOrders").findValuesAsText("id")).containsExactly("1");
    }

    @Test
    void ordersAnswerDiscountsPaymentsShippedQuantitiesAndShippingTax() {
        var order = ok(graphql(DEMO, """
                { orders(where: {number: [14]}) { number
                    discountsApplied { value { value currency { code } } date ... on AppliedDiscount { discount { name } } }
                    paymentHistory { entryType status value { value } }
                    totals { shipping { value } shippingTaxIncluded { value } }
                    lines { quantity shippedQuantity }
                    ... on DirectToConsumerOrder { customer { email lastOrder { number } } attributes { description } } } }"""))
                .path("orders").get(0);
        assertThat(order.path("discountsApplied").get(0).path("value").path("currency").path("code").asText())
                .isEqualTo("SEK");
        assertThat(order.path("paymentHistory").get(0).path("entryType").asText()).isEqualTo("AUTHORIZATION");
        assertThat(order.path("lines").get(0).path("shippedQuantity").asInt()).isZero();
        assertThat(order.path("customer").path("email").asText()).isEqualTo("jon.snow@example.com");
        assertThat(order.path("attributes")).isEmpty();
    }

    @Test
    void theSeededVoucherAndGiftMessageAnswerOnTheirOrder() {
        var answer = graphql(DEMO, """
                { orders(where: {number: [39514]}) { number
                    discountsApplied { value { value } ... on AppliedDiscount { discount { id name code type } } }
                    attributes { description type { name }
                        elements { key ... on AttributeStringElement { value } } } } }""");
        var order = ok(answer).path("orders").get(0);
        var discount = order.path("discountsApplied").get(0);
        assertThat(discount.path("value").path("value").asDouble()).isEqualTo(75.0);
        assertThat(discount.path("discount").path("code").asText()).isEqualTo("WELCOME75");
        assertThat(discount.path("discount").path("name").asText()).isEqualTo("Welcome discount");
        var attribute = order.path("attributes").get(0);
        assertThat(attribute.path("type").path("name").asText()).isEqualTo("or_gift");
        assertThat(attribute.path("elements").get(0).path("value").asText()).isEqualTo("Happy birthday!");
        assertThat(answer.permissionsUsed()).contains("Order.attributes:read");

        // an order without a voucher answers its discount without one
        var other = ok(graphql(DEMO, "{ orders(where: {number: [39515]}) { discountsApplied { value { value }"
                + " ... on AppliedDiscount { discount { code } } } } }")).path("orders").get(0);
        assertThat(other.path("discountsApplied").get(0).path("discount").isNull()).isTrue();
    }

    @Test
    void anOrderTakesAttributesByItsNumber() {
        var assigned = ok(graphql(DEMO, """
                mutation { assignAttributes(input: { objectType: Order, objectId: 15,
                    dynamicAttributes: [{ attributeTypeName: "or_gift", attributeElementKey: "message", attributeElementValue: "For you" }] }) {
                  userErrors { message } } }""")).path("assignAttributes");
        assertThat(assigned.path("userErrors")).isEmpty();
        var order = ok(graphql(DEMO, "{ orders(where: {number: [15]}) { attributes { elements { key"
                + " ... on AttributeStringElement { value } } } } }")).path("orders").get(0);
        assertThat(order.path("attributes").get(0).path("elements").get(0).path("value").asText()).isEqualTo("For you");
    }

    @Test
    void aCustomerIsCreatedAndUpdatedAndBadInputChangesNothing() {
        var created = ok(graphql(DEMO, """
                mutation { createCustomer(input: { email: "sansa@example.com", firstName: "Sansa", store: {id: 1},
                    country: {code: "GB"}, newsletter: true }) {
                  userErrors { message } customer { id email country { code } newsletter totalOrders lastOrder { number } } } }"""))
                .path("createCustomer");
        assertThat(created.path("userErrors")).isEmpty();
        int id = created.path("customer").path("id").asInt();
        assertThat(id).isEqualTo(3);
        assertThat(created.path("customer").path("lastOrder").isNull()).isTrue();
        var updated = ok(graphql(DEMO, """
                mutation { updateCustomer(customer: {id: %d}, input: { lastName: "Stark", market: {id: 2} }) {
                  userErrors { message } customer { firstName lastName market { id } } } }""".formatted(id)))
                .path("updateCustomer");
        assertThat(updated.path("customer").path("lastName").asText()).isEqualTo("Stark");
        assertThat(updated.path("customer").path("firstName").asText()).isEqualTo("Sansa");
        var refused = ok(graphql(DEMO, """
                mutation { createCustomer(input: { email: "jon.snow@example.com", store: {id: 2} }) { userErrors { message } customer { id } } }"""))
                .path("createCustomer");
        assertThat(refused.path("userErrors").findValuesAsText("message"))
                .containsExactly("Store with id 2 is not a direct-to-consumer store");
        assertThat(ok(graphql(DEMO, "{ customers { id } }")).path("customers")).hasSize(3);
    }

    private static JsonNode ok(Answer answer) {
        assertThat(answer.body().path("errors").isMissingNode()).as(answer.body().toString()).isTrue();
        return answer.body().path("data");
    }
}
