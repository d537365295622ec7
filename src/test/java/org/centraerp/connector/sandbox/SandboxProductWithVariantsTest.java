package org.centraerp.connector.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The sandbox's createProduct with addProductVariants (Centra's ProductVariantOnProductCreateInput). */
class SandboxProductWithVariantsTest extends SandboxTestSupport {

    @Test
    void aProductIsCreatedWithItsVariantsAndTheirSizesInOneCall() {
        var answer = graphql(DEMO, """
                mutation { createProduct(input: { name: "Parka", status: ACTIVE, productNumber: "PARKA",
                  addProductVariants: [
                    { name: "Olive", status: ACTIVE, variantNumber: "-OLIVE", sizeChart: { id: 2 },
                      productSizes: [ { size: { name: "S" }, EAN: "7350004000011" }, { size: { name: "M" } } ] },
                    { name: "Sand", status: ACTIVE, variantNumber: "-SAND", sizeChart: { id: 2 },
                      productSizes: [ { size: { name: "L" } } ] } ] }) {
                  product { id variants { variantNumber productSizes { size { name } EAN } } }
                  userErrors { message path } } }""");

        var product = answer.data("createProduct").path("product");
        assertThat(answer.data("createProduct").path("userErrors")).isEmpty();
        assertThat(product.path("variants").findValuesAsText("variantNumber")).containsExactly("-OLIVE", "-SAND");
        assertThat(product.path("variants").get(0).path("productSizes")).hasSize(2);
        assertThat(product.path("variants").get(0).path("productSizes").get(0).path("EAN").asText())
                .isEqualTo("7350004000011");
        assertThat(product.path("variants").get(1).path("productSizes").get(0).path("size").path("name").asText())
                .isEqualTo("L");
    }

    @Test
    void aVariantWithASizeItsChartLacksRefusesTheWholeCallAndNothingIsStored() {
        var answer = graphql(DEMO, """
                mutation { createProduct(input: { name: "Vest", status: ACTIVE, productNumber: "VEST",
                  addProductVariants: [
                    { name: "Red", status: ACTIVE, sizeChart: { id: 2 }, productSizes: [ { size: { name: "S" } } ] },
                    { name: "Blue", status: ACTIVE, sizeChart: { id: 2 }, productSizes: [ { size: { name: "XXL" } } ] }
                  ] }) { product { id } userErrors { message path } } }""");

        assertThat(answer.data("createProduct").path("product").isNull()).isTrue();
        assertThat(answer.data("createProduct").path("userErrors").get(0).path("message").asText()).contains("XXL");
        assertThat(graphql(DEMO, "{ products(where: {productNumber: {equals: \"VEST\"}}) { id } }")
                .data("products")).isEmpty();
    }
}
