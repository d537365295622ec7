package org.centraerp.connector.flows.prices;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.centraerp.connector.flows.catalogue.CatalogueEndToEndSupport;
import org.centraerp.connector.flows.catalogue.CatalogueTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Route {@code import-price-file} against the built-in sandbox, after the sample product master: prices land per
 * pricelist and variant, only changes are sent, and what cannot be priced is reported per row.
 */
class PriceImportEndToEndTest extends CatalogueEndToEndSupport {

    @BeforeEach
    void sampleProducts() {
        products.drop("products.csv", CatalogueTestSupport.sample(PRODUCTS_SAMPLE));
        products.awaitReports(1);
    }

    @Test
    void samplePricesAreAppliedPerPricelistAndVariant() {
        long calls = CatalogueTestSupport.calls(meters, "prices/setPrices");

        prices.drop("prices.csv", CatalogueTestSupport.sample(PRICES_SAMPLE));
        Map<Long, Map<String, String>> lines = CatalogueTestSupport.report(prices.awaitReports(1).get(0));
        lines.remove(0L); // variants that inherit a price (aVariantWithoutItsOwnPriceIsReportedAsInheriting...)

        assertThat(lines).hasSize(13);
        assertThat(lines.values()).allSatisfy(l -> assertThat(l.get("outcome")).isEqualTo("updated"));
        assertThat(CatalogueTestSupport.calls(meters, "prices/setPrices") - calls).as("one call per pricelist")
                .isEqualTo(3);
        Map<String, String> variantPrices = variantPrices();
        assertThat(variantPrices).containsEntry("TEE-WHITE@SEK", "299.0").containsEntry("TEE-BLACK@SEK", "349.0")
                .containsEntry("TEE-WHITE@USD", "34.0").containsEntry("JEANS-INDIGO@EUR", "99.95")
                .containsEntry("SWEATER-GREEN@SEK", "599.0 before 799.0")
                .containsEntry("CHAIR-OAK@SEK", "1995.0 before 2495.0");
    }

    @Test
    void aVariantWithoutItsOwnPriceIsReportedAsInheritingTheProductPrice() throws Exception {
        prices.drop("prices.csv", CatalogueTestSupport.sample(PRICES_SAMPLE));
        Path reportFile = prices.awaitReports(1).get(0);

        List<Map<String, String>> inherited = new ArrayList<>();
        try (var parser = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader()
                .setSkipHeaderRecord(true).get().parse(java.nio.file.Files.newBufferedReader(reportFile))) {
            parser.forEach(record -> {
                if ("inherited".equals(record.get("outcome"))) {
                    inherited.add(record.toMap());
                }
            });
        }

        // SWEATER-GREEN-S sells at 599 (sale, before 799) in SEK: the lowest, so the product price; BLUE has no row
        assertThat(inherited).anySatisfy(row -> {
            assertThat(row.get("key")).contains("SWEATER-BLUE");
            assertThat(row.get("pricelist")).isEqualTo("SEK");
            assertThat(row.get("reason")).contains("599").contains("before 799").contains("SWEATER-GREEN-S");
        });
        assertThat(inherited).anySatisfy(row -> {
            assertThat(row.get("key")).contains("TEE-BLACK");
            assertThat(row.get("pricelist")).isEqualTo("USD");
        });
        assertThat(inherited).noneSatisfy(row -> assertThat(row.get("key")).contains("TEE-WHITE"));
    }

    @Test
    void unchangedPricesAreNotSentAgainAndAChangeSendsOnlyItsProduct() {
        prices.drop("prices.csv", CatalogueTestSupport.sample(PRICES_SAMPLE));
        prices.awaitReports(1);
        long calls = CatalogueTestSupport.calls(meters, "prices/setPrices");

        prices.drop("prices-again.csv", CatalogueTestSupport.sample(PRICES_SAMPLE));
        Map<Long, Map<String, String>> again = CatalogueTestSupport.report(prices.awaitReports(2).get(1));
        assertThat(CatalogueTestSupport.calls(meters, "prices/setPrices")).isEqualTo(calls);
        assertThat(again.values()).allSatisfy(l -> assertThat(l.get("outcome")).isEqualTo("unchanged"));

        prices.drop("prices-changed.csv", CatalogueTestSupport.sample(PRICES_SAMPLE)
                .replace("RETAIL-SEK;JEANS-INDIGO-30;999.00", "RETAIL-SEK;JEANS-INDIGO-30;899.00"));
        Map<Long, Map<String, String>> changed = CatalogueTestSupport.report(prices.awaitReports(3).get(2));
        assertThat(CatalogueTestSupport.calls(meters, "prices/setPrices") - calls).isEqualTo(1);
        assertThat(changed.values().stream().filter(l -> l.get("outcome").equals("updated")).map(l -> l.get("key")))
                .containsExactly("JEANS-INDIGO-30");
        assertThat(variantPrices()).containsEntry("JEANS-INDIGO@SEK", "899.0");
    }

    @Test
    void unknownPricelistCurrencyAndSkuAreReportedAndTheOthersApplied() {
        prices.drop("prices-bad.csv", String.join("\n",
                "pricelist;sku;price;currency;sale_price",
                "OUTLET-SEK;TEE-WHITE-S;199.00;SEK;",
                "RETAIL-SEK;TEE-WHITE-S;29.95;EUR;",
                "RETAIL-SEK;NO-SUCH-SKU;10.00;SEK;",
                "RETAIL-SEK;TEE-BLACK-M;349.00;SEK;",
                "RETAIL-SEK;TEE-BLACK-S;399.00;SEK;",
                "RETAIL-SEK;JEANS-INDIGO-28;abc;SEK;") + "\n");

        Map<Long, Map<String, String>> lines = CatalogueTestSupport.report(prices.awaitReports(1).get(0));

        assertThat(lines.get(2L)).containsEntry("outcome", "failed");
        assertThat(lines.get(2L).get("reason")).contains("OUTLET-SEK").contains("pricelists");
        assertThat(lines.get(3L).get("reason")).contains("currency EUR is not the currency of pricelist 'SEK'");
        assertThat(lines.get(4L).get("reason")).contains("unknown SKU 'NO-SUCH-SKU'");
        assertThat(lines.get(5L)).containsEntry("outcome", "updated");
        assertThat(lines.get(6L).get("reason")).contains("another price on line 5");
        assertThat(lines.get(7L).get("reason")).contains("price");
        // TEE-WHITE inherits the product price (349) in Centra: prices are per product with variant overrides
        assertThat(variantPrices()).containsEntry("TEE-BLACK@SEK", "349.0").doesNotContainKey("TEE-WHITE@EUR");
    }

    @Test
    void anOversizedPriceIsReportedOnItsRowAndTheGoodRowsOfTheFileAreApplied() {
        prices.drop("prices-huge.csv", String.join("\n",
                "pricelist;sku;price;currency;sale_price",
                "RETAIL-SEK;TEE-BLACK-S;1e9999;SEK;",
                "RETAIL-SEK;JEANS-INDIGO-30;898.00;SEK;",
                "RETAIL-EUR;JEANS-INDIGO-30;89.00;EUR;",
                "RETAIL-SEK;TEE-WHITE-S;99999999999999999999;SEK;") + "\n");

        Map<Long, Map<String, String>> lines = CatalogueTestSupport.report(prices.awaitReports(1).get(0));

        assertThat(lines.get(2L)).containsEntry("outcome", "failed").containsEntry("pricelist", "SEK");
        assertThat(lines.get(2L).get("reason")).contains("'1e9999'");
        assertThat(lines.get(3L)).containsEntry("outcome", "updated").containsEntry("pricelist", "SEK");
        assertThat(lines.get(4L)).as("the same SKU in another pricelist: told apart by the pricelist column")
                .containsEntry("outcome", "updated").containsEntry("pricelist", "EUR");
        assertThat(lines.get(5L)).containsEntry("outcome", "failed");
        assertThat(lines.get(5L).get("reason")).contains("out of range");
        assertThat(variantPrices()).containsEntry("JEANS-INDIGO@SEK", "898.0")
                .containsEntry("JEANS-INDIGO@EUR", "89.0");
    }

    @Test
    void aPriceFileWithoutThePricelistColumnIsRefusedWhole() {
        prices.drop("no-pricelist.csv", "sku;price;currency\nTEE-WHITE-S;1;SEK\n");

        Path error = prices.awaitErrors(1).get(0);

        assertThat(error).content().contains("'pricelist'");
    }

    /** "PRODUCT-VARIANT@pricelist" → "price" or "price before regular". */
    private Map<String, String> variantPrices() {
        Map<String, String> found = new TreeMap<>();
        JsonNode variants = prices.graphql("{ productVariants(limit: 200) { variantNumber product { productNumber } "
                + "prices { pricelist { name } price { value } priceBeforeDiscount { value } } } }")
                .path("data").path("productVariants");
        for (JsonNode variant : variants) {
            for (JsonNode price : variant.path("prices")) {
                JsonNode before = price.path("priceBeforeDiscount");
                found.put(variant.path("product").path("productNumber").asText() + variant.path("variantNumber").asText()
                        + "@" + price.path("pricelist").path("name").asText(), price.path("price").path("value").asText()
                        + (before.isMissingNode() || before.isNull() ? "" : " before " + before.path("value").asText()));
            }
        }
        return found;
    }
}
