package org.centraerp.connector.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Fixed bundles: a bundle product of sections of existing variants; anything unknown is a userError, nothing made. */
class SandboxBundlesTest extends SandboxTestSupport {

    private static final String PRODUCTS = "{ products(limit: 200) { id productNumber isBundle } }";

    @Test
    void fixedBundleOfTwoVariantsIsABundleProduct() {
        var payload = graphql(DEMO, """
                mutation { createBundle(input: {
                    product: {name: "Sweater and chair", status: ACTIVE, productNumber: "BUNDLE-SC"},
                    type: FIXED, priceType: STATIC, sizeChart: {id: 1}, sizes: [{name: "One Size"}],
                    addBundleSections: [{quantity: 1, productVariants: [{id: 1}]}, {quantity: 2, productVariants: [{id: 3}]}]}) {
                  bundle { id type priceType sizes { name } product { productNumber isBundle }
                           sections { id quantity productVariants { id } } }
                  userErrors { message path } } }""").data("createBundle");

        assertThat(payload.path("userErrors")).isEmpty();
        JsonNode bundle = payload.path("bundle");
        assertThat(bundle.path("type").asText()).isEqualTo("FIXED");
        assertThat(bundle.path("product").path("isBundle").asBoolean()).isTrue();
        assertThat(texts(bundle.path("sizes"), "name")).containsExactly("One Size");
        assertThat(bundle.path("sections")).hasSize(2);
        assertThat(bundle.path("sections").get(1).path("quantity").asInt()).isEqualTo(2);

        int id = bundle.path("id").asInt();
        int firstSection = bundle.path("sections").get(0).path("id").asInt();
        var updated = graphql(DEMO, "mutation { updateBundle(id: " + id + ", input: {"
                + "product: {name: \"Sweater and two chairs\"}, deleteBundleSections: [{id: " + firstSection + "}],"
                + " addBundleSections: [{quantity: 1, productVariants: [{id: 2}]}]}) {"
                + " bundle { product { name } sections { quantity productVariants { id } } } userErrors { message } } }")
                .data("updateBundle");
        assertThat(updated.path("userErrors")).isEmpty();
        assertThat(updated.path("bundle").path("product").path("name").asText()).isEqualTo("Sweater and two chairs");
        assertThat(updated.path("bundle").path("sections")).hasSize(2);
        assertThat(graphql(DEMO, "{ bundle(id: " + id + ") { sections { productVariants { id } } } }").data("bundle")
                .path("sections").get(1).path("productVariants").get(0).path("id").asInt()).isEqualTo(2);
    }

    @Test
    void unknownVariantOrMissingSizeChartIsAUserErrorAndNothingIsCreated() {
        int before = graphql(DEMO, PRODUCTS).data("products").size();

        var payload = graphql(DEMO, """
                mutation { createBundle(input: {
                    product: {name: "Broken", status: ACTIVE, productNumber: "BUNDLE-BROKEN"},
                    type: FIXED, priceType: STATIC,
                    addBundleSections: [{quantity: 1, productVariants: [{id: 999}]}]}) {
                  bundle { id } userErrors { message path } } }""").data("createBundle");

        assertThat(payload.path("bundle").isNull()).isTrue();
        List<String> messages = new ArrayList<>();
        payload.path("userErrors").forEach(e -> messages.add(e.path("message").asText()));
        assertThat(messages).contains("Size chart must be specified for a fixed bundle",
                "Product variant with id 999 does not exist");
        assertThat(graphql(DEMO, PRODUCTS).data("products")).hasSize(before);
    }

    private static List<String> texts(JsonNode list, String field) {
        List<String> texts = new ArrayList<>();
        list.forEach(n -> texts.add(n.path(field).asText()));
        return texts;
    }
}
