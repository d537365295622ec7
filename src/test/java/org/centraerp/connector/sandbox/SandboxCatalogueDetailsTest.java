package org.centraerp.connector.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/** Display texts and categories, categories, languages, translations, connections and stock change lines. */
class SandboxCatalogueDetailsTest extends SandboxTestSupport {

    @Test
    void displaysAnswerTheirTextsCategoriesAndTranslations() {
        var answer = ok(graphql(DEMO, """
                { displays(where: {id: [1, 3]}) { id description shortDescription metaTitle metaDescription metaKeywords
                    minimumOrderQuantity orderQuantityDenominator tags
                    categories { id name parent { name } } canonicalCategory { uri }
                    translations(where: {languageCode: ["sv"]}) { language { code } fields { name value } } }
                  product(id: 1) { displays { id store { id } } translations { language { code } } }
                  categories(where: {storeId: [1]}) { id name childCategories { id } displays { id } }
                  languages { code isDefault } }"""));
        JsonNode sweater = answer.path("displays").get(0);
        assertThat(sweater.path("description").asText()).isEqualTo("A warm merino wool sweater.");
        assertThat(sweater.path("metaDescription").asText()).isEqualTo("Merino wool sweater in red and blue");
        assertThat(sweater.path("minimumOrderQuantity").isNull()).isTrue();
        assertThat(sweater.path("tags").get(1).asText()).isEqualTo("winter");
        assertThat(sweater.path("categories").get(1).path("parent").path("name").asText()).isEqualTo("Clothing");
        assertThat(sweater.path("canonicalCategory").path("uri").asText()).isEqualTo("knitwear");
        assertThat(sweater.path("translations").get(0).path("fields").get(0).path("value").asText()).isEqualTo("Tröja");
        assertThat(answer.path("displays").get(1).path("minimumOrderQuantity").asInt()).isEqualTo(6);
        var productDisplays = answer.path("product").path("displays");
        assertThat(productDisplays).hasSize(2);
        assertThat(productDisplays.get(0).path("id").asInt()).isEqualTo(1);
        assertThat(productDisplays.get(1).path("store").path("id").asInt()).isEqualTo(2);
        assertThat(answer.path("product").path("translations")).isEmpty();
        assertThat(answer.path("categories").get(0).path("childCategories").get(0).path("id").asInt()).isEqualTo(2);
        assertThat(answer.path("languages").get(0).path("code").asText()).isEqualTo("en");
    }

    @Test
    void textsCategoriesAndTranslationsAreWritten() {
        var updated = ok(graphql(DEMO, """
                mutation { updateDisplay(id: 2, input: { description: "Solid oak." minimumOrderQuantity: 2
                    addCategories: [{id: 1}] removeCategories: [{id: 3}] }) {
                  userErrors { message } display { description minimumOrderQuantity categories { id } } } }"""))
                .path("updateDisplay");
        assertThat(updated.path("userErrors")).isEmpty();
        assertThat(updated.path("display").path("description").asText()).isEqualTo("Solid oak.");
        assertThat(updated.path("display").path("categories").findValuesAsText("id")).containsExactly("1");

        var refused = ok(graphql(DEMO, """
                mutation { updateDisplay(id: 2, input: { addCategories: [{id: 4}] minimumOrderQuantity: 0 }) {
                  userErrors { message } display { id } } }""")).path("updateDisplay");
        assertThat(refused.path("userErrors").findValuesAsText("message")).containsExactly(
                "Minimum order quantity must be at least 1", "Category 4 belongs to another store");

        var translated = ok(graphql(DEMO, """
                mutation { setTranslations(input: { objectType: Product objectId: 1 language: {code: "sv"}
                    fields: [{name: "name", value: "Tröja"}] }) {
                  userErrors { message } object { ... on Product { id translations { language { code } fields { name value } } } } } }"""))
                .path("setTranslations");
        assertThat(translated.path("object").path("translations").get(0).path("fields").get(0).path("value").asText())
                .isEqualTo("Tröja");
    }

    @Test
    void connectionsPageWithFirstAndAfterLikeCentra() {
        var first = ok(graphql(DEMO, """
                { productConnection(first: 1) { totalCount edges { cursor node { id name } } pageInfo { hasNextPage endCursor } } }"""))
                .path("productConnection");
        assertThat(first.path("totalCount").asInt()).isEqualTo(2);
        assertThat(first.path("edges").get(0).path("node").path("name").asText()).isEqualTo("Sweater");
        assertThat(first.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
        String after = first.path("pageInfo").path("endCursor").asText();
        var second = ok(graphql(DEMO, "{ productConnection(first: 5, after: \"" + after + "\") { edges { node { name } } pageInfo { hasNextPage hasPreviousPage } } }"))
                .path("productConnection");
        assertThat(second.path("edges").findValuesAsText("name")).containsExactly("Chair");
        assertThat(second.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
        var displays = ok(graphql(DEMO, "{ displayConnection(where: {storeId: [1]}, first: 10) { totalCount edges { node { id description } } } }"))
                .path("displayConnection");
        assertThat(displays.path("totalCount").asInt()).isEqualTo(2);
    }

    @Test
    void stockChangeLinesListTheLinesOfEveryChange() {
        ok(graphql(DEMO, """
                mutation { changeStock(input: { description: "delivery" intoWarehouse: {id: 1}
                    productSizes: [{ productSize: {id: 7}, deliveredQuantity: 5 }] }) { userErrors { message } } }"""));
        var lines = ok(graphql(DEMO, "{ stockChangeLines(where: {productSizeId: [7]}) { deliveredQuantity productSize { SKU } stockChange { comment } } }"))
                .path("stockChangeLines");
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).path("deliveredQuantity").asInt()).isEqualTo(5);
        assertThat(lines.get(0).path("stockChange").path("comment").asText()).isEqualTo("delivery");
    }

    private static JsonNode ok(Answer answer) {
        assertThat(answer.body().path("errors").isMissingNode()).as(answer.body().toString()).isTrue();
        return answer.body().path("data");
    }
}
