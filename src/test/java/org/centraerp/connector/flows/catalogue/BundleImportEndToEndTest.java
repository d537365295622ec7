package org.centraerp.connector.flows.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.centraerp.connector.flows.catalogue.CatalogueTestSupport.report;

import java.util.List;
import java.util.Map;

import org.centraerp.connector.sandbox.store.Bundle;
import org.centraerp.connector.sandbox.store.Product;
import org.centraerp.connector.sandbox.store.SandboxData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Route {@code import-bundle-file} against the built-in sandbox: the sample bundle file becomes one fixed bundle of
 * the seeded sweater and chair; a re-drop sends nothing, a changed quantity updates the same bundle, and an unknown
 * component is reported for its row while the rest goes through.
 */
class BundleImportEndToEndTest extends CatalogueEndToEndSupport {

    @Autowired
    SandboxData sandbox;

    @Test
    void sampleBundleIsCreatedOnceAndUpdatedOnlyWhenItChanges() {
        String sample = CatalogueTestSupport.sample(BUNDLES_SAMPLE);
        long updates = CatalogueTestSupport.calls(meters, "catalogue/updateBundle");
        bundles.drop("bundles.csv", sample);
        Map<Long, Map<String, String>> first = report(bundles.awaitReports(1).get(0));

        assertThat(first.values()).extracting(l -> l.get("outcome")).containsOnly("created");
        Bundle bundle = onlyBundle("BUNDLE-HOME");
        assertThat(bundle.type()).isEqualTo("FIXED");
        assertThat(bundle.sections()).extracting(Bundle.Section::quantity).containsExactly(1, 2);
        long creates = CatalogueTestSupport.calls(meters, "catalogue/createBundle");

        bundles.drop("bundles-again.csv", sample);
        Map<Long, Map<String, String>> again = report(bundles.awaitReports(2).get(1));
        assertThat(again.values()).extracting(l -> l.get("outcome")).containsOnly("unchanged");
        assertThat(CatalogueTestSupport.calls(meters, "catalogue/createBundle")).isEqualTo(creates);
        assertThat(CatalogueTestSupport.calls(meters, "catalogue/updateBundle")).isEqualTo(updates);

        bundles.drop("bundles-changed.csv", sample.replace("CHAIR-OAK;2", "CHAIR-OAK;4"));
        Map<Long, Map<String, String>> changed = report(bundles.awaitReports(3).get(2));
        assertThat(changed.values()).extracting(l -> l.get("outcome")).containsOnly("updated");
        Bundle updated = onlyBundle("BUNDLE-HOME");
        assertThat(updated.id()).isEqualTo(bundle.id());
        assertThat(updated.sections()).extracting(Bundle.Section::quantity).containsExactlyInAnyOrder(1, 4);
    }

    @Test
    void unknownComponentIsReportedForItsRowAndTheBundleGoesOnWithoutIt() {
        bundles.drop("bundles-bad.csv", CatalogueTestSupport.csv("bundle_no;bundle_name;component_sku;quantity",
                "BUNDLE-DUO;Duo;SWEATER-RED-S;1", "BUNDLE-DUO;Duo;NO-SUCH-SKU;1", "BUNDLE-DUO;Duo;SWEATER-BLUE-L;1"));
        Map<Long, Map<String, String>> lines = report(bundles.awaitReports(1).get(0));

        assertThat(lines.get(3L).get("outcome")).isEqualTo("failed");
        assertThat(lines.get(3L).get("reason")).contains("unknown component SKU 'NO-SUCH-SKU'");
        assertThat(lines.get(2L).get("outcome")).isEqualTo("created");
        assertThat(lines.get(4L).get("outcome")).isEqualTo("created");
        assertThat(onlyBundle("BUNDLE-DUO").sections()).hasSize(2);
    }

    @Test
    void aBundleTheIdTableLostIsFoundInCentraNotCreatedAgain() {
        String sample = CatalogueTestSupport.sample(BUNDLES_SAMPLE);
        bundles.drop("bundles.csv", sample);
        bundles.awaitReports(1);
        long creates = CatalogueTestSupport.calls(meters, "catalogue/createBundle");

        ids.forgetAll();
        sentValues.forgetAll(CatalogueState.FLOW);
        bundles.drop("bundles-again.csv", sample);
        Map<Long, Map<String, String>> again = report(bundles.awaitReports(2).get(1));

        assertThat(again.values()).extracting(l -> l.get("outcome")).containsOnly("updated");
        assertThat(CatalogueTestSupport.calls(meters, "catalogue/createBundle")).isEqualTo(creates);
        onlyBundle("BUNDLE-HOME");
    }

    private Bundle onlyBundle(String productNumber) {
        List<Integer> productIds = sandbox.products.stream().filter(p -> p.productNumber().equals(productNumber))
                .map(Product::id).toList();
        assertThat(productIds).as("one bundle product " + productNumber).hasSize(1);
        List<Bundle> found = sandbox.bundles.stream().filter(b -> b.productId() == productIds.get(0)).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
