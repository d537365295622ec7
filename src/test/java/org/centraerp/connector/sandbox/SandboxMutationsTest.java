package org.centraerp.connector.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/** Mutations answer with real state and reject what Centra rejects, changing nothing then. */
class SandboxMutationsTest extends SandboxTestSupport {

    private static final String SIZE_CHARTS = "{ sizeCharts(limit: 200) { id name sizes { id name } } }";

    @Test
    void duplicateSizeChartNameIsAUserErrorAndNothingIsCreated() {
        int before = graphql(DEMO, SIZE_CHARTS).data("sizeCharts").size();

        var answer = graphql(DEMO, """
                mutation { createSizeChart(input: {name: "One Size", horizontalLabels: ["One Size"]}) {
                  sizeChart { id } userErrors { message path } userWarnings { message path } } }""");

        var payload = answer.data("createSizeChart");
        assertThat(payload.path("sizeChart").isNull()).isTrue();
        assertThat(payload.path("userErrors").get(0).path("message").asText()).contains("already exists");
        assertThat(texts(payload.path("userErrors").get(0).path("path"))).containsExactly("input", "name");
        assertThat(payload.path("userWarnings")).isEmpty();
        assertThat(graphql(DEMO, SIZE_CHARTS).data("sizeCharts")).hasSize(before);
    }

    @Test
    void twoDimensionalSizeChartNamesSizesHorizontalDividerVertical() {
        var answer = graphql(DEMO, """
                mutation { createSizeChart(input: {name: "Pants", dividerSymbol: "x",
                    horizontalLabels: ["30", "32"], verticalLabels: ["32", "34"]}) {
                  sizeChart { id sizes { name } verticalLabels } userErrors { message } } }""");

        var chart = answer.data("createSizeChart").path("sizeChart");
        assertThat(texts(chart.path("sizes"), "name")).containsExactly("30x32", "30x34", "32x32", "32x34");
        assertThat(graphql(DEMO, SIZE_CHARTS).data("sizeCharts")).hasSize(3);
    }

    @Test
    void variantOfUnknownProductIsAUserErrorAndNothingIsCreated() {
        var answer = graphql(DEMO, """
                mutation { createProductVariant(input: {product: {id: 999}, name: "Green", status: ACTIVE}) {
                  productVariant { id } userErrors { message path } } }""");

        var payload = answer.data("createProductVariant");
        assertThat(payload.path("productVariant").isNull()).isTrue();
        assertThat(payload.path("userErrors").get(0).path("message").asText())
                .isEqualTo("Product with id 999 does not exist");
        assertThat(graphql(DEMO, "{ productVariants(limit: 200) { id } }").data("productVariants")).hasSize(3);
    }

    @Test
    void createdVariantWithSizesReadsBackWithSkus() {
        var created = graphql(DEMO, """
                mutation { createProductVariant(input: {product: {id: 1}, name: "Green", status: ACTIVE,
                    variantNumber: "-GREEN", sizeChart: {id: 2},
                    productSizes: [{size: {name: "S"}, EAN: "7350001000084", sizeNumber: "-S"}]}) {
                  productVariant { id productSizes { SKU EAN description } } userErrors { message } } }""");

        var size = created.data("createProductVariant").path("productVariant").path("productSizes").get(0);
        assertThat(size.path("SKU").asText()).isEqualTo("SWEATER-GREEN-S");
        assertThat(size.path("EAN").asText()).isEqualTo("7350001000084");
        assertThat(size.path("description").asText()).isEqualTo("S");
    }

    @Test
    void marketUpdateOfUnknownIdIsAUserError() {
        var answer = graphql(DEMO, """
                mutation { updateMarket(id: 999, input: {name: "Gone"}) { market { id } userErrors { message path } } }""");

        assertThat(answer.data("updateMarket").path("userErrors").get(0).path("message").asText())
                .isEqualTo("Market with id 999 does not exist");
    }

    @Test
    void limitAndPageSliceTheList() {
        var first = graphql(DEMO, "{ countries(limit: 3, page: 1, sort: [id_ASC]) { id } }").data("countries");
        var second = graphql(DEMO, "{ countries(limit: 3, page: 2, sort: [id_ASC]) { id } }").data("countries");
        var beyond = graphql(DEMO, "{ countries(limit: 3, page: 9, sort: [id_ASC]) { id } }").data("countries");

        assertThat(ints(first)).containsExactly(1, 2, 3);
        assertThat(ints(second)).containsExactly(4, 5, 6);
        assertThat(beyond).isEmpty();
    }

    @Test
    void defaultLimitIsTwenty() {
        for (int i = 0; i < 25; i++) {
            graphql(DEMO, "mutation { createBrand(input: {name: \"Brand " + i + "\"}) { brand { id } } }");
        }

        assertThat(graphql(DEMO, "{ brands { id } }").data("brands")).hasSize(20);
    }

    @Test
    void limitOf201IsRefusedLikeCentra() {
        var answer = graphql(DEMO, "{ products(limit: 201) { id } }");

        assertThat(answer.body().path("errors").get(0).path("message").asText())
                .isEqualTo("Limit must be in range 1 - 200");
        assertThat(answer.body().path("errors").get(0).path("path").get(0).asText()).isEqualTo("products");
    }

    @Test
    void limitOfZeroIsRefused() {
        var answer = graphql(DEMO, "{ stores(limit: 0) { id } }");

        assertThat(answer.body().path("errors").get(0).path("message").asText())
                .isEqualTo("Limit must be in range 1 - 200");
    }

    private static List<String> texts(JsonNode array) {
        var list = new ArrayList<String>();
        array.forEach(node -> list.add(node.asText()));
        return list;
    }

    private static List<String> texts(JsonNode array, String field) {
        var list = new ArrayList<String>();
        array.forEach(node -> list.add(node.path(field).asText()));
        return list;
    }

    private static List<Integer> ints(JsonNode array) {
        var list = new ArrayList<Integer>();
        array.forEach(node -> list.add(node.path("id").asInt()));
        return list;
    }
}
