package org.centraerp.connector.flows.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's createProduct with addProductVariants (Centra's ProductVariantOnProductCreateInput), which the
 * product import uses to create a style with its colours and sizes in one call.
 */
class SandboxProductWithVariantsTest extends CatalogueEndToEndSupport {

    @Test
    void aProductIsCreatedWithItsVariantsAndTheirSizesInOneCall() {
        JsonNode answer = products.graphql("""
                mutation { createProduct(input: { name: "Parka", status: ACTIVE, productNumber: "PARKA",
                  addProductVariants: [
                    { name: "Olive", status: ACTIVE, variantNumber: "-OLIVE", sizeChart: { id: 2 },
                      productSizes: [ { size: { name: "S" }, EAN: "7350004000011" }, { size: { name: "M" } } ] },
                    { name: "Sand", status: ACTIVE, variantNumber: "-SAND", sizeChart: { id: 2 },
                      productSizes: [ { size: { name: "L" } } ] } ] }) {
                  product { id variants { variantNumber productSizes { size { name } EAN } } }
                  userErrors { message path } } }""").path("data").path("createProduct");

        JsonNode product = answer.path("product");
        assertThat(answer.path("userErrors")).isEmpty();
        assertThat(product.path("variants").findValuesAsText("variantNumber")).containsExactly("-OLIVE", "-SAND");
        assertThat(product.path("variants").get(0).path("productSizes")).hasSize(2);
        assertThat(product.path("variants").get(0).path("productSizes").get(0).path("EAN").asText())
                .isEqualTo("7350004000011");
        assertThat(product.path("variants").get(1).path("productSizes").get(0).path("size").path("name").asText())
                .isEqualTo("L");
    }

    @Test
    void aVariantWithASizeItsChartLacksRefusesTheWholeCallAndNothingIsStored() {
        JsonNode answer = products.graphql("""
                mutation { createProduct(input: { name: "Vest", status: ACTIVE, productNumber: "VEST",
                  addProductVariants: [
                    { name: "Red", status: ACTIVE, sizeChart: { id: 2 }, productSizes: [ { size: { name: "S" } } ] },
                    { name: "Blue", status: ACTIVE, sizeChart: { id: 2 }, productSizes: [ { size: { name: "XXL" } } ] }
                  ] }) { product { id } userErrors { message path } } }""").path("data").path("createProduct");

        assertThat(answer.path("product").isNull()).isTrue();
        assertThat(answer.path("userErrors").get(0).path("message").asText()).contains("XXL");
        assertThat(products.graphql("{ products(where: {productNumber: {equals: \"VEST\"}}) { id } }")
                .path("data").path("products")).isEmpty();
    }
}
