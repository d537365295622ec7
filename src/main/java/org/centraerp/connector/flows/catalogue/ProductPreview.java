package org.centraerp.connector.flows.catalogue;

import static org.centraerp.connector.flows.catalogue.CatalogueState.DISPLAY_VARIANT;
import static org.centraerp.connector.flows.catalogue.CatalogueState.PRODUCT;
import static org.centraerp.connector.flows.catalogue.CatalogueState.SIZE;
import static org.centraerp.connector.flows.catalogue.CatalogueState.VARIANT;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.erp.ErpFileRefusedException;
import org.centraerp.connector.mapping.ProductsMapping;
import org.centraerp.connector.mapping.ProductsMapping.DisplayRule;
import org.centraerp.connector.state.CatalogueIds;
import org.centraerp.connector.state.SentValues;

/**
 * {@code preview products <file>}: what the product flow would do with a file, sending nothing and remembering
 * nothing. The file is read and its rows mapped as the flow does ({@link ErpCsvFile}, {@link ProductRowMapper}:
 * a refused file or an invalid row prints the report's reason), rows are grouped per product as the flow groups
 * them, and each product goes through the flow's decisions read-only: the id table and the sent values decide
 * created, updated or unchanged; Centra is only queried where the flow queries it (names, a product by number,
 * a display). The variables are built by the flow's own {@link ProductInputs}; ids of objects the import would
 * create print as placeholders ({@code (id of the new product 'HOODIE')}). Size charts, brands, collections and
 * folders the import would create are named, not created.
 *
 * <p>Not foreseeable: a createProduct Centra refuses with its variants (the flow then creates the product alone and
 * each variant on its own), and any userError Centra would answer.
 */
public final class ProductPreview {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final CentraClient centra;
    private final CatalogueState state;

    public ProductPreview(CentraClient centra, CatalogueIds ids, SentValues sentValues) {
        this.centra = centra;
        this.state = new CatalogueState(ids, sentValues);
    }

    /** One mutation the import would send, with what it is for. */
    private record Call(String title, Map<String, Object> variables) {
    }

    /** Prints the preview; 0 when the file could be read, 1 otherwise. */
    public int run(ProductsMapping mapping, Path file, PrintStream out) {
        if (!Files.isRegularFile(file)) {
            out.println("preview: no file " + file);
            return 1;
        }
        String name = file.getFileName().toString();
        ProductRowMapper mapper = new ProductRowMapper(mapping);
        Map<Long, String> lines = new TreeMap<>();
        List<ProductRow> valid = new ArrayList<>();
        Map<String, Set<String>> chartSizes = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file)) {
            new ErpCsvFile(mapping.erpFile()).check(in, row -> {
                ProductRowMapper.Result mapped = mapper.map(row);
                if (mapped.row() == null) {
                    lines.put(row.line(), "failed — " + mapped.problem());
                } else {
                    valid.add(mapped.row());
                    chartSizes.computeIfAbsent(mapped.row().sizeChart(), c -> new LinkedHashSet<>())
                            .add(mapped.row().size());
                }
            });
        } catch (ErpFileRefusedException e) {
            out.println("# Preview of " + name + " with " + mapping.file() + ": nothing is sent");
            out.println("refused whole: " + e.getMessage());
            return 1;
        } catch (IOException | RuntimeException e) {
            out.println("preview: " + name + " cannot be read: " + e.getMessage());
            return 1;
        }
        Map<String, List<String>> sizes = new LinkedHashMap<>();
        chartSizes.forEach((chart, names) -> sizes.put(chart, List.copyOf(names)));
        CatalogueNames names = CatalogueNames.readOnly(centra);
        Group preview = new Group(new ProductInputs(names, sizes), mapping.displays());
        List<Call> calls = new ArrayList<>();
        for (List<ProductRow> product : products(valid)) {
            preview.product(product, lines, calls);
        }
        out.println("# Preview of " + name + " with " + mapping.file() + ": nothing is sent");
        List<String> created = names.wouldCreate();
        if (!created.isEmpty()) {
            out.println("# would be created first (named here, not created): " + String.join(", ", created));
        }
        lines.forEach((line, text) -> out.println("line " + line + ": " + text));
        calls.forEach(call -> {
            out.println("# " + call.title() + ", variables:");
            out.println(json(call.variables()));
        });
        return 0;
    }

    /** Consecutive rows of one product number, as {@link ProductFileImport#map} groups them. */
    private static List<List<ProductRow>> products(List<ProductRow> rows) {
        List<List<ProductRow>> products = new ArrayList<>();
        List<ProductRow> open = new ArrayList<>();
        for (ProductRow row : rows) {
            if (!open.isEmpty() && !open.get(0).productNumber().equals(row.productNumber())) {
                products.add(List.copyOf(open));
                open.clear();
            }
            open.add(row);
        }
        if (!open.isEmpty()) {
            products.add(List.copyOf(open));
        }
        return products;
    }

    /**
     * {@link ProductGroupSync#sync} and {@link DisplaySync#sync}, read-only: what they would link and remember is
     * kept here for the products later in the file (a product split in two groups), never written.
     */
    private final class Group {
        private final ProductInputs inputs;
        private final List<DisplayRule> displays;
        private final Map<String, Object> linked = new HashMap<>();
        private final Map<String, String> sent = new HashMap<>();

        Group(ProductInputs inputs, List<DisplayRule> displays) {
            this.inputs = inputs;
            this.displays = displays;
        }

        void product(List<ProductRow> rows, Map<Long, String> lines, List<Call> calls) {
            RowOutcomes outcomes = new RowOutcomes(rows);
            Map<Long, Set<String>> actions = new LinkedHashMap<>();
            rows.forEach(r -> actions.put(r.line(), new LinkedHashSet<>()));
            ProductRow first = rows.get(0);
            String number = first.productNumber();
            Map<String, List<ProductRow>> byVariant = new LinkedHashMap<>();
            rows.forEach(r -> byVariant.computeIfAbsent(r.variantKey(), k -> new ArrayList<>()).add(r));
            Map<String, Object> variantIds = new LinkedHashMap<>();
            boolean knownBefore = id(PRODUCT, first.productKey()).isPresent();
            Optional<Object> known = id(PRODUCT, first.productKey());
            String foundNote = "";
            if (known.isEmpty()) {
                Optional<JsonNode> found = productInCentra(first);
                if (found.isPresent()) {
                    known = Optional.of(link(found.get(), rows));
                    foundNote = ", found in Centra by product number (the import links it in the id table)";
                }
            }
            boolean productCreated = known.isEmpty();
            Object productId;
            if (productCreated) {
                Map<String, List<ProductRow>> valid = new LinkedHashMap<>();
                byVariant.forEach((variantKey, variantRows) -> {
                    List<ProductRow> ok = inputs.validSizes(variantRows, outcomes);
                    if (!ok.isEmpty()) {
                        valid.put(variantKey, ok);
                    }
                });
                productId = CatalogueNames.placeholder("product", number);
                String call = "createProduct " + number;
                calls.add(new Call(call + " (" + valid.size() + (valid.size() == 1 ? " variant" : " variants")
                        + " with their sizes)", Map.of("input", inputs.createProduct(first, valid.values()))));
                link(PRODUCT, first.productKey(), productId);
                sent(PRODUCT, first.productKey(), first.productHash());
                rows.forEach(r -> actions.get(r.line()).add(call));
                valid.forEach((variantKey, variantRows) -> {
                    Object variantId = CatalogueNames.placeholder("variant", variantKey);
                    variantIds.put(variantKey, variantId);
                    link(VARIANT, variantKey, variantId);
                    sent(VARIANT, variantKey, variantRows.get(0).variantHash());
                    variantRows.forEach(r -> {
                        link(SIZE, r.sizeKey(), CatalogueNames.placeholder("size", r.sizeKey()));
                        sent(SIZE, r.sizeKey(), r.sizeHash());
                    });
                });
            } else {
                productId = known.get();
                if (changed(PRODUCT, first.productKey(), first.productHash())) {
                    String call = "updateProduct " + number;
                    calls.add(new Call(call + " (id " + productId + ")" + foundNote + ": "
                            + why(PRODUCT, first.productKey(), "product", "name, status, brand, collection, folder,"
                            + " countryOfOrigin, harmonizedCommodityCode"), Map.of("id", productId,
                            "input", inputs.product(first, false))));
                    sent(PRODUCT, first.productKey(), first.productHash());
                    rows.forEach(r -> actions.get(r.line()).add(call));
                }
                if (knownBefore && rows.stream().anyMatch(r -> id(SIZE, r.sizeKey()).isEmpty())) {
                    productInCentra(first).ifPresent(found -> link(found, rows));
                }
            }
            for (Map.Entry<String, List<ProductRow>> variant : byVariant.entrySet()) {
                if (!variantIds.containsKey(variant.getKey())) {
                    variant(productId, variant.getValue(), outcomes, actions, calls)
                            .ifPresent(id -> variantIds.put(variant.getKey(), id));
                }
            }
            displays(first, productId, productCreated, variantIds, byVariant, outcomes, actions, calls);
            for (ProductRow row : rows) {
                String text = row.sizeKey() + " — ";
                if (outcomes.hasFailed(row)) {
                    text += "failed — " + outcomes.reason(row);
                } else if (actions.get(row.line()).isEmpty()) {
                    text += "skipped, unchanged since it was last sent";
                } else {
                    text += String.join(", ", actions.get(row.line()));
                }
                lines.put(row.line(), text);
            }
        }

        private Optional<Object> variant(Object productId, List<ProductRow> rows, RowOutcomes outcomes,
                                         Map<Long, Set<String>> actions, List<Call> calls) {
            ProductRow first = rows.get(0);
            List<ProductRow> valid = inputs.validSizes(rows, outcomes);
            if (valid.isEmpty()) {
                return Optional.empty();
            }
            Optional<Object> known = id(VARIANT, first.variantKey());
            if (known.isEmpty()) {
                Object variantId = CatalogueNames.placeholder("variant", first.variantKey());
                String call = "createProductVariant " + first.variantKey();
                calls.add(new Call(call + " (" + valid.size() + (valid.size() == 1 ? " size)" : " sizes)"),
                        Map.of("input", inputs.createVariant(productId, valid))));
                link(VARIANT, first.variantKey(), variantId);
                sent(VARIANT, first.variantKey(), first.variantHash());
                valid.forEach(r -> {
                    link(SIZE, r.sizeKey(), CatalogueNames.placeholder("size", r.sizeKey()));
                    sent(SIZE, r.sizeKey(), r.sizeHash());
                    actions.get(r.line()).add(call);
                });
                return Optional.of(variantId);
            }
            Object variantId = known.get();
            if (changed(VARIANT, first.variantKey(), first.variantHash())) {
                String call = "updateProductVariant " + first.variantKey();
                calls.add(new Call(call + " (id " + variantId + "): " + why(VARIANT, first.variantKey(), "variant",
                        "name, variantNumber, status"), Map.of("id", variantId,
                        "input", ProductInputs.updateVariant(first))));
                sent(VARIANT, first.variantKey(), first.variantHash());
                rows.forEach(r -> actions.get(r.line()).add(call));
            }
            for (ProductRow row : valid) {
                Optional<Object> size = id(SIZE, row.sizeKey());
                if (size.isEmpty()) {
                    String call = "createProductSize " + row.sizeKey();
                    calls.add(new Call(call, Map.of("input", ProductInputs.createSize(variantId, row))));
                    link(SIZE, row.sizeKey(), CatalogueNames.placeholder("size", row.sizeKey()));
                    sent(SIZE, row.sizeKey(), row.sizeHash());
                    actions.get(row.line()).add(call);
                } else if (changed(SIZE, row.sizeKey(), row.sizeHash())) {
                    String call = "updateProductSize " + row.sizeKey();
                    calls.add(new Call(call + " (id " + size.get() + "): " + why(SIZE, row.sizeKey(), "size",
                            "EAN, UPC, sizeNumber"), Map.of("id", size.get(),
                            "input", ProductInputs.sizeFields(row))));
                    sent(SIZE, row.sizeKey(), row.sizeHash());
                    actions.get(row.line()).add(call);
                }
            }
            return Optional.of(variantId);
        }

        private void displays(ProductRow product, Object productId, boolean productCreated,
                              Map<String, Object> variantIds, Map<String, List<ProductRow>> byVariant,
                              RowOutcomes outcomes, Map<Long, Set<String>> actions, List<Call> calls) {
            for (DisplayRule rule : displays) {
                List<String> missing = productCreated ? List.copyOf(variantIds.keySet()) : variantIds.keySet()
                        .stream().filter(v -> id(DISPLAY_VARIANT, v + "@" + rule.store()).isEmpty()).toList();
                if (missing.isEmpty()) {
                    continue;
                }
                String call;
                // a product the import creates has no display yet; nor does one the preview only names
                Optional<JsonNode> existing = productCreated || !(productId instanceof Long id) ? Optional.empty()
                        : DisplaySync.find(centra, id, rule.store());
                if (existing.isEmpty()) {
                    call = "createDisplay " + product.productNumber() + " in store " + rule.store();
                    calls.add(new Call(call, Map.of("input", DisplaySync.createInput(rule, product, productId,
                            variantIds.values()))));
                } else {
                    Object displayId = existing.get().path("id").asLong();
                    Set<Object> present = new HashSet<>();
                    existing.get().path("productVariants").forEach(v -> present.add(v.path("id").asLong()));
                    List<Object> add = missing.stream().map(variantIds::get).filter(v -> !present.contains(v))
                            .toList();
                    if (add.isEmpty()) {
                        // the import only links the variants already on the display in the id table
                        call = null;
                    } else {
                        call = "updateDisplay " + product.productNumber() + " in store " + rule.store();
                        calls.add(new Call(call + " (id " + displayId + "): add " + add.size()
                                + (add.size() == 1 ? " variant" : " variants"),
                                Map.of("id", displayId, "input", DisplaySync.addInput(add))));
                    }
                }
                missing.forEach(v -> link(DISPLAY_VARIANT, v + "@" + rule.store(), "(display)"));
                if (call != null) {
                    missing.forEach(v -> byVariant.get(v).stream().filter(r -> !outcomes.hasFailed(r))
                            .forEach(r -> actions.get(r.line()).add(call)));
                }
            }
        }

        /** Why an object is updated: never sent, or its fields differ from what was last sent. */
        private String why(String type, String key, String level, String fields) {
            if (!sent.containsKey(type + ":" + key) && !state.everSent(type, key)) {
                return "never sent by this connector";
            }
            // the sent values hold a digest of the fields, not the fields: which of them changed is not known
            return "one or more of its " + level + " fields (" + fields + ") changed since last sent";
        }

        private Optional<JsonNode> productInCentra(ProductRow row) {
            JsonNode found = centra.query("catalogue/productByNumber", Map.of("productNumber", row.productNumber()))
                    .data().path("products");
            for (JsonNode product : found) {
                if (row.productNumber().equals(product.path("productNumber").asText())) {
                    return Optional.of(product);
                }
            }
            return Optional.empty();
        }

        /** As {@link ProductGroupSync}'s link, into this preview's memory only. */
        private long link(JsonNode product, List<ProductRow> rows) {
            long productId = product.path("id").asLong();
            link(PRODUCT, rows.get(0).productKey(), productId);
            for (JsonNode variant : product.path("variants")) {
                String variantNumber = variant.path("variantNumber").asText();
                rows.stream().filter(r -> variantNumber.equals(r.variantNumber())).findFirst().ifPresent(r -> {
                    long variantId = variant.path("id").asLong();
                    link(VARIANT, r.variantKey(), variantId);
                    for (JsonNode size : variant.path("productSizes")) {
                        link(SIZE, r.variantKey() + "|" + size.path("size").path("name").asText(),
                                size.path("id").asLong());
                    }
                });
            }
            return productId;
        }

        private Optional<Object> id(String type, String key) {
            Object id = linked.get(type + ":" + key);
            return id != null ? Optional.of(id) : state.id(type, key).map(Object.class::cast);
        }

        private void link(String type, String key, Object id) {
            linked.put(type + ":" + key, id);
        }

        private boolean changed(String type, String key, String hash) {
            String earlier = sent.get(type + ":" + key);
            return earlier != null ? !earlier.equals(hash) : state.changed(type, key, hash);
        }

        private void sent(String type, String key, String hash) {
            sent.put(type + ":" + key, hash);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }
}
