package org.centraerp.connector.flows.prices;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.erp.ErpCsvReader;
import org.centraerp.connector.flows.catalogue.CatalogueProperties;
import org.centraerp.connector.mapping.ErpFileMapping;
import org.centraerp.connector.state.CatalogueIds;
import org.centraerp.connector.state.SentValues;

/**
 * {@code preview prices <file>}: what the price flow would send for a file, sending nothing and remembering
 * nothing: per line the setPrices call its product goes in, or why it is skipped (unchanged since last sent, or
 * failed with the reason the report would give), then each call's variables as {@link PriceBatch} builds them.
 * Batches are shown at their largest ({@code connector.catalogue.prices-batch-size}); the flow may send smaller
 * ones when Centra's complexity answers ask for it.
 */
public final class PricePreview {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final CentraClient centra;
    private final CatalogueIds ids;
    private final SentValues sentValues;
    private final int batchSize;

    public PricePreview(CentraClient centra, CatalogueIds ids, SentValues sentValues, CatalogueProperties properties) {
        this.centra = centra;
        this.ids = ids;
        this.sentValues = sentValues;
        this.batchSize = properties.pricesBatchSize();
    }

    /** Prints the preview; 0 when the file could be read, 1 otherwise. */
    public int run(ErpFileMapping mapping, Path file, PrintStream out) {
        if (!Files.isRegularFile(file)) {
            out.println("preview: no file " + file);
            return 1;
        }
        String name = file.getFileName().toString();
        Map<Long, String> lines = new TreeMap<>();
        Map<Long, PriceRow> pending = new LinkedHashMap<>(); // decided once the file is read: a product goes whole
        Map<String, String> outcomes = new LinkedHashMap<>(); // per pricelist and variant
        Map<Long, Map<Long, Map<Long, PriceRow>>> prices = new LinkedHashMap<>();
        PriceRowResolver resolver = new PriceRowResolver(mapping, centra, ids);
        ErpCsvReader reader = new ErpCsvReader(mapping.file(), mapping.csv().delimiter(), mapping.csv().charset(),
                mapping.csv().header(), mapping.columns());
        try (InputStream in = Files.newInputStream(file)) {
            reader.read(in, row -> {
                PriceRowResolver.Result result = resolver.resolve(row);
                if (result.row() == null) {
                    lines.put(row.line(), what(result.key(), result.pricelist()) + "failed — " + result.problem());
                    return;
                }
                PriceRow price = result.row();
                PriceRow earlier = prices.computeIfAbsent(price.pricelistId(), p -> new LinkedHashMap<>())
                        .computeIfAbsent(price.productId(), p -> new LinkedHashMap<>())
                        .putIfAbsent(price.variantId(), price);
                if (earlier != null && !earlier.samePriceAs(price)) {
                    lines.put(row.line(), what(price.key(), price.pricelistName()) + "failed — the variant has"
                            + " another price on line " + earlier.line() + " of this pricelist");
                } else {
                    pending.put(row.line(), price);
                }
            });
        } catch (IOException | RuntimeException e) {
            out.println("preview: " + name + " cannot be read: " + e.getMessage());
            return 1;
        }
        Map<String, Map<String, Object>> calls = new LinkedHashMap<>();
        prices.forEach((pricelist, products) -> {
            List<Map<Long, PriceRow>> changed = new ArrayList<>();
            for (Map<Long, PriceRow> variants : products.values()) {
                Map<String, String> current = new LinkedHashMap<>();
                variants.values().forEach(r -> current.put(r.sentKey(), r.sentValue()));
                boolean unchanged = sentValues.changed(PriceFileImport.FLOW, current).isEmpty();
                String call = "setPrices pricelist " + pricelist + " #" + (changed.size() / batchSize + 1);
                if (!unchanged) {
                    changed.add(variants);
                }
                variants.values().forEach(r -> outcomes.put(r.sentKey(), unchanged
                        ? "skipped, unchanged since it was last sent" : call));
            }
            for (int from = 0, n = 1; from < changed.size(); from += batchSize, n++) {
                List<Map<Long, PriceRow>> part = changed.subList(from, Math.min(changed.size(), from + batchSize));
                calls.put("setPrices pricelist " + pricelist + " #" + n + " (" + part.size()
                        + (part.size() == 1 ? " product" : " products") + ")", PriceBatch.variables(pricelist, part));
            }
        });
        pending.forEach((line, row) -> lines.put(line, text(row, outcomes.get(row.sentKey()))));
        out.println("# Preview of " + name + " with " + mapping.file() + ": nothing is sent");
        lines.forEach((line, text) -> out.println("line " + line + ": " + text));
        calls.forEach((call, variables) -> {
            out.println("# " + call + ", variables:");
            out.println(json(variables));
        });
        return 0;
    }

    /** Every line that gave a variant of a pricelist the same price shares the variant's outcome. */
    private static String text(PriceRow row, String outcome) {
        return what(row.key(), row.pricelistName()) + row.price().toPlainString() + " " + row.currency()
                + (row.priceBeforeDiscount() == null ? "" : " (before " + row.priceBeforeDiscount().toPlainString()
                + ")") + " — " + outcome;
    }

    private static String what(String key, String pricelist) {
        return key + (pricelist == null ? "" : " in pricelist " + pricelist) + ": ";
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }
}
