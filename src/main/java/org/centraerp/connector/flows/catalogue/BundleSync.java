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
        return bundleInCentra(centra, bundleNumber).map(product -> {
            long id = product.path("bundle").path("id").asLong();
            state.link(BUNDLE, bundleNumber, id, product.path("id").asLong());
            return id;
        });
    }

    /** The bundle product of that product number in Centra, with its bundle's id (a query). */
    static Optional<JsonNode> bundleInCentra(CentraClient centra, String bundleNumber) {
        for (JsonNode product : centra.query("catalogue/bundleByProductNumber", Map.of("productNumber", bundleNumber))
                .data().path("products")) {
            if (bundleNumber.equals(product.path("productNumber").asText())
                    && product.path("bundle").hasNonNull("id")) {
                return Optional.of(product);
            }
        }
        return Optional.empty();
    }

    /**
     * A bundle's rows sorted out: each usable one a section (component variant id to quantity), each other one
     * with the reason the report gives.
     */
    record Components(BundleRow first, Map<Long, Integer> sections, List<BundleRow> rows,
                      Map<BundleRow, String> failed) {

        /** What was last sent for the bundle, as a digest: its values, sizes and sections. */
        String hash() {
            return ProductRow.hash(first.bundleValues(), sizes().toString(), sections.toString());
        }

        TreeSet<String> sizes() {
            TreeSet<String> sizes = new TreeSet<>();
            rows.forEach(r -> sizes.add(r.size()));
            return sizes;
        }

        List<Map<String, Object>> addSections() {
            List<Map<String, Object>> add = new ArrayList<>();
            sections.forEach((variant, quantity) -> add.add(Map.of("quantity", quantity,
                    "productVariants", List.of(Map.of("id", variant)))));
            return add;
        }
    }

    /** Finds each row's component variant by SKU (read-only). */
    static Components components(List<BundleRow> rows, SkuVariants skus) {
        BundleRow first = rows.get(0);
        Map<Long, Integer> sections = new TreeMap<>();
        Map<Long, BundleRow> usedBy = new LinkedHashMap<>();
        List<BundleRow> components = new ArrayList<>();
        Map<BundleRow, String> failed = new LinkedHashMap<>();
        for (BundleRow row : rows) {
            Optional<SkuVariants.VariantRef> variant = skus.find(row.componentSku());
            if (!row.bundleValues().equals(first.bundleValues())) {
                failed.put(row, "bundle " + row.bundleNumber() + " has other name, status, type or size chart on line "
                        + first.line());
            } else if (variant.isEmpty()) {
                failed.put(row, "unknown component SKU '" + row.componentSku()
                        + "': import its product first (or check the SKU)");
            } else if (usedBy.containsKey(variant.get().variantId())) {
                failed.put(row, "component variant of " + row.componentSku() + " is also on line "
                        + usedBy.get(variant.get().variantId()).line());
            } else {
                usedBy.put(variant.get().variantId(), row);
                sections.put(variant.get().variantId(), row.quantity());
                components.add(row);
            }
        }
        return new Components(first, sections, components, failed);
    }

    /** createBundle's input; a missing size chart of a FIXED bundle is created (or, read-only, named). */
    static Map<String, Object> createInput(Components components, CatalogueNames names) {
        BundleRow first = components.first();
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("product", Map.of("name", first.name(), "status", first.status(),
                "productNumber", first.bundleNumber()));
        input.put("type", first.type());
        input.put("priceType", first.priceType());
        if ("FIXED".equals(first.type())) {
            TreeSet<String> sizes = components.sizes();
            Object chart = names.sizeChart(first.sizeChart(), List.copyOf(sizes)).id();
            input.put("sizeChart", Map.of("id", chart));
            input.put("sizes", sizes.stream().map(s -> Map.of("name", s)).toList());
        }
        input.put("addBundleSections", components.addSections());
        return input;
    }

    /** updateBundle's input: product name and status, price type, the sections replaced. */
    static Map<String, Object> updateInput(Components components, List<Map<String, Object>> delete) {
        BundleRow first = components.first();
        return Map.of("product", Map.of("name", first.name(), "status", first.status()),
                "priceType", first.priceType(),
                "deleteBundleSections", delete, "addBundleSections", components.addSections());
    }

    /** The bundle's sections now in Centra, as updateBundle's deleteBundleSections (a query). */
    static List<Map<String, Object>> currentSections(CentraClient centra, long bundleId) {
        List<Map<String, Object>> delete = new ArrayList<>();
        centra.query("catalogue/bundleSections", Map.of("id", bundleId)).data().path("bundle").path("sections")
                .forEach(s -> delete.add(Map.of("id", s.path("id").asInt())));
        return delete;
    }

    void sync(List<BundleRow> rows, ImportReport report) {
        Components components = components(rows, skus);
        components.failed().forEach((row, reason) -> report.row(row.line(), row.key(), Outcome.FAILED, reason));
        if (components.rows().isEmpty()) {
            return;
        }
        BundleRow first = components.first();
        Outcome outcome;
        String reason = null;
        try {
            outcome = send(components);
        } catch (CentraUserErrorException | CentraInvalidRequestException e) {
            outcome = Outcome.FAILED;
            reason = "Centra refused bundle " + first.bundleNumber() + ": " + e.getMessage();
        }
        for (BundleRow row : components.rows()) {
            report.row(row.line(), row.key(), outcome, reason);
        }
    }

    private Outcome send(Components components) {
        String key = components.first().bundleNumber();
        String hash = components.hash();
        Optional<Long> known = state.id(BUNDLE, key).or(() -> findInCentra(key));
        if (known.isEmpty()) {
            JsonNode bundle = centra.mutate("catalogue/createBundle",
                    Map.of("input", createInput(components, names)), Retry.NEVER).orThrow().path("bundle");
            state.link(BUNDLE, key, bundle.path("id").asLong(), bundle.path("product").path("id").asLong());
            state.sent(BUNDLE, key, hash);
            return Outcome.CREATED;
        }
        if (!state.changed(BUNDLE, key, hash)) {
            return Outcome.UNCHANGED;
        }
        centra.mutate("catalogue/updateBundle", Map.of("id", known.get(),
                "input", updateInput(components, currentSections(centra, known.get()))), Retry.SAFE).orThrow();
        state.sent(BUNDLE, key, hash);
        return Outcome.UPDATED;
    }
}
