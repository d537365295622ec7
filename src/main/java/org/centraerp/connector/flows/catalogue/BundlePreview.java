package org.centraerp.connector.flows.catalogue;

import static org.centraerp.connector.flows.catalogue.BundleSync.BUNDLE;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.erp.ErpFileRefusedException;
import org.centraerp.connector.mapping.ErpFileMapping;
import org.centraerp.connector.state.CatalogueIds;
import org.centraerp.connector.state.SentValues;

/**
 * {@code preview bundles <file>}: what the bundle flow would do with a file, sending nothing and remembering
 * nothing. Rows are read, mapped ({@link BundleFileImport#map}) and grouped per bundle as the flow does; components
 * are found by SKU as the flow finds them; each bundle would be created ({@code createBundle}), updated
 * ({@code updateBundle}, its sections replaced) or skipped as unchanged, by the id table and the sent values, with
 * Centra only queried where the flow queries it. Variables come from {@link BundleSync}'s own builders; a size chart
 * the import would create is named, its id a placeholder.
 */
public final class BundlePreview {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final CentraClient centra;
    private final CatalogueIds ids;
    private final CatalogueState state;

    public BundlePreview(CentraClient centra, CatalogueIds ids, SentValues sentValues) {
        this.centra = centra;
        this.ids = ids;
        this.state = new CatalogueState(ids, sentValues);
    }

    /** Prints the preview; 0 when the file could be read, 1 otherwise. */
    public int run(ErpFileMapping mapping, Path file, PrintStream out) {
        if (!Files.isRegularFile(file)) {
            out.println("preview: no file " + file);
            return 1;
        }
        String name = file.getFileName().toString();
        Map<Long, String> lines = new TreeMap<>();
        List<List<BundleRow>> bundles = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            new ErpCsvFile(mapping).check(in, row -> {
                BundleFileImport.Mapped mapped = BundleFileImport.map(mapping, row);
                if (mapped.row() == null) {
                    lines.put(row.line(), "failed — " + mapped.problem());
                    return;
                }
                List<BundleRow> last = bundles.isEmpty() ? null : bundles.get(bundles.size() - 1);
                if (last == null || !last.get(0).bundleNumber().equals(mapped.row().bundleNumber())) {
                    last = new ArrayList<>();
                    bundles.add(last);
                }
                last.add(mapped.row());
            });
        } catch (ErpFileRefusedException e) {
            out.println("# Preview of " + name + " with " + mapping.file() + ": nothing is sent");
            out.println("refused whole: " + e.getMessage());
            return 1;
        } catch (IOException | RuntimeException e) {
            out.println("preview: " + name + " cannot be read: " + e.getMessage());
            return 1;
        }
        SkuVariants skus = new SkuVariants(centra, ids);
        CatalogueNames names = CatalogueNames.readOnly(centra);
        Map<String, Object> linked = new HashMap<>();
        Map<String, String> sent = new HashMap<>();
        Map<String, Map<String, Object>> calls = new LinkedHashMap<>();
        for (List<BundleRow> rows : bundles) {
            BundleSync.Components components = BundleSync.components(rows, skus);
            components.failed().forEach((row, reason) -> lines.put(row.line(), row.key() + " — failed — " + reason));
            if (components.rows().isEmpty()) {
                continue;
            }
            String key = components.first().bundleNumber();
            String hash = components.hash();
            String found = "";
            Optional<Object> known = Optional.ofNullable(linked.get(key))
                    .or(() -> state.id(BUNDLE, key).map(Object.class::cast));
            if (known.isEmpty()) {
                Optional<JsonNode> inCentra = BundleSync.bundleInCentra(centra, key);
                if (inCentra.isPresent()) {
                    known = Optional.of(inCentra.get().path("bundle").path("id").asLong());
                    found = ", found in Centra by product number (the import links it in the id table)";
                }
            }
            String outcome;
            if (known.isEmpty()) {
                outcome = "createBundle " + key;
                calls.put(outcome + " (" + components.sections().size() + " sections)",
                        Map.of("input", BundleSync.createInput(components, names)));
                linked.put(key, CatalogueNames.placeholder("bundle", key));
            } else if (sent.containsKey(key) ? sent.get(key).equals(hash) : !state.changed(BUNDLE, key, hash)) {
                outcome = "skipped, unchanged since it was last sent";
            } else {
                outcome = "updateBundle " + key;
                Object id = known.get();
                List<Map<String, Object>> delete = id instanceof Long bundleId
                        ? BundleSync.currentSections(centra, bundleId) : List.of();
                calls.put(outcome + " (id " + id + ")" + found + ": " + (!sent.containsKey(key)
                        && !state.everSent(BUNDLE, key) ? "never sent by this connector"
                        : "its name, status, type, sizes or components changed since last sent")
                        + "; its sections are replaced", Map.of("id", id,
                        "input", BundleSync.updateInput(components, delete)));
                linked.put(key, id);
            }
            sent.put(key, hash);
            components.rows().forEach(r -> lines.put(r.line(), r.key() + " — " + outcome));
        }
        out.println("# Preview of " + name + " with " + mapping.file() + ": nothing is sent");
        List<String> created = names.wouldCreate();
        if (!created.isEmpty()) {
            out.println("# would be created first (named here, not created): " + String.join(", ", created));
        }
        lines.forEach((line, text) -> out.println("line " + line + ": " + text));
        calls.forEach((call, variables) -> {
            out.println("# " + call + ", variables:");
            out.println(json(variables));
        });
        return 0;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }
}
