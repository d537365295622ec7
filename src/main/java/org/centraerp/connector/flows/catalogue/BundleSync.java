package org.centraerp.connector.flows.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.centra.CentraClient.Retry;
import org.centraerp.connector.centra.CentraInvalidRequestException;
import org.centraerp.connector.centra.CentraUserErrorException;
import org.centraerp.connector.flows.catalogue.ImportReport.Outcome;

/**
 * Brings one bundle (consecutive rows of one bundle number) to Centra after its components' products: each row
 * is a component, a size SKU whose variant becomes a bundle section of the row's quantity. A bundle the id table
 * does not know is looked up in Centra by its product number (an emptied table, a crash between create and link),
 * else created ({@code createBundle}); a known one is updated only when its values or components
 * changed since last sent ({@code updateBundle}: product name and status, sections replaced). A row whose
 * component is unknown is reported and left out; a bundle with no known component is not sent.
 */
final class BundleSync {

    static final String BUNDLE = "Bundle";

    private final CentraClient centra;
    private final CatalogueState state;
    private final CatalogueNames names;
    private final SkuVariants skus;

    BundleSync(CentraClient centra, CatalogueState state, CatalogueNames names, SkuVariants skus) {
        this.centra = centra;
        this.state = state;
        this.names = names;
        this.skus = skus;
    }

    /** The bundle an earlier import made (id table lost, or a crash before it was written), linked again. */
    private Optional<Long> findInCentra(String bundleNumber) {
        for (JsonNode product : centra.query("catalogue/bundleByProductNumber", Map.of("productNumber", bundleNumber))
                .data().path("products")) {
            JsonNode bundle = product.path("bundle");
            if (bundleNumber.equals(product.path("productNumber").asText()) && bundle.hasNonNull("id")) {
                state.link(BUNDLE, bundleNumber, bundle.path("id").asLong(), product.path("id").asLong());
                return Optional.of(bundle.path("id").asLong());
            }
        }
        return Optional.empty();
    }

    void sync(List<BundleRow> rows, ImportReport report) {
        BundleRow first = rows.get(0);
        Map<Long, Integer> sections = new TreeMap<>();
        Map<Long, BundleRow> usedBy = new LinkedHashMap<>();
        List<BundleRow> components = new ArrayList<>();
        for (BundleRow row : rows) {
            Optional<SkuVariants.VariantRef> variant = skus.find(row.componentSku());
            if (!row.bundleValues().equals(first.bundleValues())) {
                report.row(row.line(), row.key(), Outcome.FAILED, "bundle " + row.bundleNumber()
                        + " has other name, status, type or size chart on line " + first.line());
            } else if (variant.isEmpty()) {
                report.row(row.line(), row.key(), Outcome.FAILED, "unknown component SKU '" + row.componentSku()
                        + "': import its product first (or check the SKU)");
            } else if (usedBy.containsKey(variant.get().variantId())) {
                report.row(row.line(), row.key(), Outcome.FAILED, "component variant of " + row.componentSku()
                        + " is also on line " + usedBy.get(variant.get().variantId()).line());
            } else {
                usedBy.put(variant.get().variantId(), row);
                sections.put(variant.get().variantId(), row.quantity());
                components.add(row);
            }
        }
        if (components.isEmpty()) {
            return;
        }
        Outcome outcome;
        String reason = null;
        try {
            outcome = send(first, sections, components);
        } catch (CentraUserErrorException | CentraInvalidRequestException e) {
            outcome = Outcome.FAILED;
            reason = "Centra refused bundle " + first.bundleNumber() + ": " + e.getMessage();
        }
        for (BundleRow row : components) {
            report.row(row.line(), row.key(), outcome, reason);
        }
    }

    private Outcome send(BundleRow first, Map<Long, Integer> sections, List<BundleRow> components) {
        String key = first.bundleNumber();
        TreeSet<String> sizes = new TreeSet<>();
        components.forEach(r -> sizes.add(r.size()));
        String hash = ProductRow.hash(first.bundleValues(), sizes.toString(), sections.toString());
        List<Map<String, Object>> addSections = new ArrayList<>();
        sections.forEach((variant, quantity) -> addSections.add(Map.of("quantity", quantity,
                "productVariants", List.of(Map.of("id", variant)))));
        Optional<Long> known = state.id(BUNDLE, key).or(() -> findInCentra(key));
        if (known.isEmpty()) {
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("product", Map.of("name", first.name(), "status", first.status(), "productNumber", key));
            input.put("type", first.type());
            input.put("priceType", first.priceType());
            if ("FIXED".equals(first.type())) {
                Object chart = names.sizeChart(first.sizeChart(), List.copyOf(sizes)).id();
                input.put("sizeChart", Map.of("id", chart));
                input.put("sizes", sizes.stream().map(s -> Map.of("name", s)).toList());
            }
            input.put("addBundleSections", addSections);
            JsonNode bundle = centra.mutate("catalogue/createBundle", Map.of("input", input), Retry.NEVER).orThrow()
                    .path("bundle");
            state.link(BUNDLE, key, bundle.path("id").asLong(), bundle.path("product").path("id").asLong());
            state.sent(BUNDLE, key, hash);
            return Outcome.CREATED;
        }
        if (!state.changed(BUNDLE, key, hash)) {
            return Outcome.UNCHANGED;
        }
        List<Map<String, Object>> delete = new ArrayList<>();
        centra.query("catalogue/bundleSections", Map.of("id", known.get())).data().path("bundle").path("sections")
                .forEach(s -> delete.add(Map.of("id", s.path("id").asInt())));
        centra.mutate("catalogue/updateBundle", Map.of("id", known.get(), "input", Map.of(
                "product", Map.of("name", first.name(), "status", first.status()),
                "priceType", first.priceType(),
                "deleteBundleSections", delete, "addBundleSections", addSections)), Retry.SAFE).orThrow();
        state.sent(BUNDLE, key, hash);
        return Outcome.UPDATED;
    }
}
