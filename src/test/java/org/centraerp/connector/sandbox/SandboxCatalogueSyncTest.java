package org.centraerp.connector.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The sandbox's setPrices, variant and size updates, and ID conversions reject what Centra rejects. */
class SandboxCatalogueSyncTest extends SandboxTestSupport {

    @Test
    void pricesInTheWrongCurrencyAreAUserErrorAndNothingIsSaved() {
        var answer = graphql(DEMO, """
                mutation { setPrices(input: { pricelist: { id: 1 }, productPrices: [
                  { product: { id: 1 }, price: { value: 10, currencyIsoCode: "EUR" } } ] }) {
                  pricelist { id } userErrors { message path } userWarnings { message } } }""");

        assertThat(answer.data("setPrices").path("userErrors").get(0).path("message").asText())
                .contains("does not match the pricelist's currency SEK");
        assertThat(graphql(DEMO, "{ displays(where: {id: [1]}) { prices { price { value } } } }")
                .data("displays").get(0).path("prices")).isEmpty();
    }

    @Test
    void pricesForAnUnknownPricelistAreAUserError() {
        var answer = graphql(DEMO, """
                mutation { setPrices(input: { pricelist: { id: 99 }, productPrices: [] }) {
                  userErrors { message } } }""");

        assertThat(answer.data("setPrices").path("userErrors").get(0).path("message").asText())
                .isEqualTo("Pricelist with id 99 does not exist");
    }

    @Test
    void unknownProductIsSkippedWithAWarningAndTheRestSaved() {
        var answer = graphql(DEMO, """
                mutation { setPrices(input: { pricelist: { id: 1 }, productPrices: [
                  { product: { id: 999 }, price: { value: 1, currencyIsoCode: "SEK" } },
                  { product: { id: 1 }, price: { value: 799, currencyIsoCode: "SEK" },
                    individualVariantPrices: [ { productVariant: { id: 2 }, price: { value: 899, currencyIsoCode: "SEK" } } ] }
                  ] }) { pricelist { id } userErrors { message } userWarnings { message } } }""");

        assertThat(answer.data("setPrices").path("userErrors")).isEmpty();
        assertThat(answer.data("setPrices").path("userWarnings").get(0).path("message").asText())
                .contains("id 999");
        var variants = graphql(DEMO, "{ productVariants(where: {productId: [1]}) { id prices { price { value } } } }")
                .data("productVariants");
        assertThat(variants.get(0).path("prices").get(0).path("price").path("value").asDouble()).isEqualTo(799);
        assertThat(variants.get(1).path("prices").get(0).path("price").path("value").asDouble()).isEqualTo(899);
    }

    @Test
    void updatingAnUnknownSizeIsAUserErrorAndAKnownOneChangesItsEan() {
        var unknown = graphql(DEMO, """
                mutation { updateProductSize(id: 999, input: { EAN: "1" }) { userErrors { message } } }""");
        var known = graphql(DEMO, """
                mutation { updateProductSize(id: 1, input: { EAN: "7350009999999" }) {
                  productSize { EAN SKU } userErrors { message } } }""");

        assertThat(unknown.data("updateProductSize").path("userErrors").get(0).path("message").asText())
                .isEqualTo("Product size with id 999 does not exist");
        assertThat(known.data("updateProductSize").path("productSize").path("EAN").asText()).isEqualTo("7350009999999");
        assertThat(known.data("updateProductSize").path("productSize").path("SKU").asText()).isEqualTo("SWEATER-RED-S");
    }

    @Test
    void idConversionsAreIdempotentAndReadableByExternalId() {
        String set = """
                mutation { setIdConversions(input: { objectType: Product, internalId: 1, externalId: "SWEATER" }) {
                  entries { id externalId internalId objectType integrationName } userErrors { message } } }""";
        var first = graphql(DEMO, set);
        var second = graphql(DEMO, set);
        var unknown = graphql(DEMO, """
                mutation { setIdConversions(input: [{ objectType: Product, internalId: 999, externalId: "X" }]) {
                  userErrors { message } } }""");

        assertThat(second.data("setIdConversions").path("entries").get(0).path("id"))
                .isEqualTo(first.data("setIdConversions").path("entries").get(0).path("id"));
        assertThat(unknown.data("setIdConversions").path("userErrors").get(0).path("message").asText())
                .isEqualTo("Product with id 999 does not exist");
        var found = graphql(DEMO, """
                { idConversions(where: { objectType: Product, externalId: { equals: "SWEATER" } }) { internalId } }""")
                .data("idConversions");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).path("internalId").asInt()).isEqualTo(1);
    }
}
