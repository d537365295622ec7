package org.centraerp.connector.flows.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.centraerp.connector.flows.catalogue.CatalogueTestSupport.csv;
import static org.centraerp.connector.flows.catalogue.CatalogueTestSupport.mutations;
import static org.centraerp.connector.flows.catalogue.CatalogueTestSupport.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.centraerp.connector.sandbox.store.SandboxData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Route {@code import-product-file} on embedded defaults against the built-in sandbox: the sample product master
 * becomes Centra products, variants, sizes and displays, read back through the sandbox's GraphQL API.
 */
class CatalogueImportEndToEndTest extends CatalogueEndToEndSupport {

    static final String SAMPLE = PRODUCTS_SAMPLE;

    @Autowired
    SandboxData sandbox;

    @Test
    void sampleImportCreatesProductsVariantsSizesAndDisplaysReadableInCentra() {
        products.drop("products.csv", CatalogueTestSupport.sample(SAMPLE));

        Path reportFile = products.awaitReports(1).get(0);

        assertThat(products.inbox().resolve(".done/products.csv")).exists();
        Map<Long, Map<String, String>> lines = report(reportFile);
        assertThat(lines).hasSize(16);
        assertThat(lines.values()).noneMatch(l -> l.get("outcome").equals("failed"));
        assertThat(lines.get(14L)).containsEntry("key", "JEANS|INDIGO|28").containsEntry("outcome", "created");
        assertThat(products.skus()).containsAllEntriesOf(Map.of(
                "SWEATER-RED-S", "7350001000015", "SWEATER-GREEN-L", "7350001000107",
                "TEE-WHITE-M", "7350001000121", "TEE-BLACK-S", "7350001000145", "JEANS-INDIGO-34", "7350001000206"));
        assertThat(products.skus().values()).noneMatch(ean -> ean.endsWith("DUPLICATE"));
        JsonNode jeans = products.graphql("{ products(where: {productNumber: {equals: \"JEANS\"}}) { name "
                + "brand { name } collection { name } folder { name } variants { name sizeChart { name } "
                + "productSizes { size { name } } } } }").path("data").path("products");
        assertThat(jeans).hasSize(1);
        assertThat(jeans.get(0).path("brand").path("name").asText()).isEqualTo("Nordic Basics");
        assertThat(jeans.get(0).path("folder").path("name").asText()).isEqualTo("Trousers");
        assertThat(jeans.get(0).path("variants").get(0).path("sizeChart").path("name").asText()).isEqualTo("Waist");
        assertThat(jeans.get(0).path("variants").get(0).path("productSizes")).hasSize(4);
        JsonNode displays = products.graphql("{ displays(where: {storeId: [1]}, limit: 200) { name "
                + "productVariants { name } } }").path("data").path("displays");
        assertThat(displays.findValuesAsText("name")).contains("Organic Tee", "Straight Jeans", "Green");
    }

    @Test
    void aNewStyleIsCreatedWithItsVariantsAndSizesInOneCall() {
        long products0 = CatalogueTestSupport.calls(meters, "catalogue/createProduct");
        long variants0 = CatalogueTestSupport.calls(meters, "catalogue/createProductVariant");
        long sizes0 = CatalogueTestSupport.calls(meters, "catalogue/createProductSize");
        products.drop("hoodie.csv", csv(
                "style_no;style_name;colour_code;colour_name;size;size_chart;ean;sku;brand;collection;folder",
                "HOODIE;Hoodie;ASH;Ash;S;S-M-L;7350003000011;HOODIE-ASH-S;Base Brand;SS24;Shop",
                "HOODIE;Hoodie;ASH;Ash;M;S-M-L;7350003000028;HOODIE-ASH-M;Base Brand;SS24;Shop",
                "HOODIE;Hoodie;PINE;Pine;S;S-M-L;7350003000035;HOODIE-PINE-S;Base Brand;SS24;Shop",
                "HOODIE;Hoodie;PINE;Pine;L;S-M-L;7350003000042;HOODIE-PINE-L;Base Brand;SS24;Shop"));

        Map<Long, Map<String, String>> lines = report(products.awaitReports(1).get(0));

        assertThat(lines.values()).allSatisfy(l -> assertThat(l.get("outcome")).isEqualTo("created"));
        assertThat(CatalogueTestSupport.calls(meters, "catalogue/createProduct") - products0).isEqualTo(1);
        assertThat(CatalogueTestSupport.calls(meters, "catalogue/createProductVariant") - variants0).isZero();
        assertThat(CatalogueTestSupport.calls(meters, "catalogue/createProductSize") - sizes0).isZero();
        assertThat(products.skus()).containsEntry("HOODIE-ASH-M", "7350003000028")
                .containsEntry("HOODIE-PINE-L", "7350003000042");
        JsonNode hoodie = products.graphql("{ products(where: {productNumber: {equals: \"HOODIE\"}}) { "
                + "variants { name productSizes { size { name } } } } }").path("data").path("products");
        assertThat(hoodie).hasSize(1);
        assertThat(hoodie.get(0).path("variants").findValuesAsText("name")).containsExactly("Ash", "S", "M", "Pine", "S", "L");
    }

    @Test
    void reImportOfTheSameFileSendsNoMutation() {
        products.drop("products.csv", CatalogueTestSupport.sample(SAMPLE));
        products.awaitReports(1);
        long before = mutations(meters);

        products.drop("products.csv", CatalogueTestSupport.sample(SAMPLE));
        List<Path> reports = products.awaitReports(2);

        assertThat(mutations(meters)).isEqualTo(before);
        assertThat(report(reports.get(1)).values()).hasSize(16)
                .allSatisfy(l -> assertThat(l.get("outcome")).isEqualTo("unchanged"));
    }

    @Test
    void aChangedRowSendsOnlyItsChange() {
        String sample = CatalogueTestSupport.sample(SAMPLE);
        products.drop("products.csv", sample);
        products.awaitReports(1);
        long updates = CatalogueTestSupport.calls(meters, "catalogue/update");
        long before = mutations(meters);

        products.drop("products-2.csv", sample.replace("7350001000152", "7350001999999"));
        Map<Long, Map<String, String>> lines = report(products.awaitReports(2).get(1));

        assertThat(mutations(meters) - before).isEqualTo(1);
        assertThat(CatalogueTestSupport.calls(meters, "catalogue/updateProductSize")).isPositive();
        assertThat(CatalogueTestSupport.calls(meters, "catalogue/update") - updates).isEqualTo(1);
        assertThat(lines.values().stream().filter(l -> !l.get("outcome").equals("unchanged")).map(l -> l.get("key")))
                .containsExactly("TEE|BLACK|M");
        assertThat(products.skus()).containsEntry("TEE-BLACK-M", "7350001999999");
    }

    @Test
    void badRowsAreReportedAndTheOthersImported() {
        products.drop("bad-rows.csv", csv(
                "style_no;style_name;colour_code;colour_name;size;size_chart;ean;sku;brand;collection;folder",
                "CAP;Cap;NAVY;Navy;One Size;One Size;7350002000014;CAP-NAVY;Base Brand;SS24;Shop",
                ";No style;NAVY;Navy;One Size;One Size;7350002000021;X-NAVY;Base Brand;SS24;Shop",
                "SOCK;Sock;GREY;Grey;XL;S-M-L;7350002000038;SOCK-GREY-XL;Base Brand;SS24;Shop",
                "SOCK;Sock;GREY;Grey;M;S-M-L;7350002000045;SOCK-GREY-M;Base Brand;SS24;Shop",
                "BELT;Belt;BROWN;Brown;One Size;One Size;7350002000052;WRONG-SKU;Base Brand;SS24;Shop"));

        Map<Long, Map<String, String>> lines = report(products.awaitReports(1).get(0));

        assertThat(lines.get(2L)).containsEntry("outcome", "created");
        assertThat(lines.get(3L).get("outcome")).isEqualTo("failed");
        assertThat(lines.get(3L).get("reason")).contains("productNumber");
        assertThat(lines.get(4L).get("reason")).contains("has no size 'XL'");
        assertThat(lines.get(5L)).containsEntry("outcome", "created");
        assertThat(lines.get(6L).get("reason")).contains("does not start with");
        assertThat(products.skus()).containsKeys("CAP-NAVY", "SOCK-GREY-M").doesNotContainKey("SOCK-GREY-XL");
    }

    @Test
    void aFileWithoutTheMappedColumnsIsRefusedWhole() {
        products.drop("wrong-header.csv", csv("style;name;colour", "X;Y;Z"));

        Path error = products.awaitErrors(1).get(0);

        assertThat(products.inbox().resolve(".error/wrong-header.csv")).exists();
        assertThat(error).content().contains("style_no").contains("refused whole");
    }

    @Test
    void lostIdTableReImportCreatesNoDuplicates() {
        String sample = CatalogueTestSupport.sample(SAMPLE);
        products.drop("products.csv", sample);
        products.awaitReports(1);
        long creates = CatalogueTestSupport.calls(meters, "catalogue/create");

        ids.forgetAll();
        sentValues.forgetAll(CatalogueState.FLOW);
        products.drop("products-again.csv", sample);
        Map<Long, Map<String, String>> lines = report(products.awaitReports(2).get(1));

        assertThat(CatalogueTestSupport.calls(meters, "catalogue/create")).isEqualTo(creates);
        assertThat(lines.values()).noneMatch(l -> l.get("outcome").equals("created") || l.get("outcome").equals("failed"));
        assertThat(products.skus().values()).noneMatch(ean -> ean.endsWith("DUPLICATE"));
        assertThat(products.graphql("{ counters { products } }").path("data").path("counters").path("products").asInt())
                .isEqualTo(4);
        assertThat(Files.exists(products.inbox().resolve(".done/products-again.csv"))).isTrue();
    }

    @Test
    void variantsCentraHasButTheIdTableLacksAreLinkedNotCreatedAgain() {
        String sample = CatalogueTestSupport.sample(SAMPLE);
        products.drop("products.csv", sample);
        products.awaitReports(1);
        long variants = sandbox.productVariants.stream().count();
        long creates = CatalogueTestSupport.calls(meters, "catalogue/create");

        // as after a kill between Centra's answer to createProductVariant and the id table's write
        state.jdbc().update("DELETE FROM connector_catalogue_id WHERE object_type IN (?, ?)",
                CatalogueState.VARIANT, CatalogueState.SIZE);
        products.drop("products-again.csv", sample);
        Map<Long, Map<String, String>> lines = report(products.awaitReports(2).get(1));

        assertThat(CatalogueTestSupport.calls(meters, "catalogue/create")).as("nothing created again")
                .isEqualTo(creates);
        assertThat(lines.values()).noneMatch(l -> l.get("outcome").equals("failed"));
        assertThat(sandbox.productVariants.stream().count()).isEqualTo(variants);
    }
}
