package org.centraerp.connector.flows.catalogue;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.centra.CentraClient.Retry;

/**
 * Size charts, brands, collections and folders by name, read from Centra once per file when first needed; a name
 * Centra lacks is created (a size chart with the sizes the file uses for it). Thread-safe: products synced side
 * by side ask for names one at a time, so each missing name is created once.
 *
 * <p>{@link #readOnly} (for {@code preview products}) creates nothing: a missing name is remembered as one the
 * import would create, and its id is a placeholder text such as {@code (id of the new brand 'Acme')}.
 */
final class CatalogueNames {

    /** A size chart's id (a placeholder text in a read-only preview) and its size names. */
    record SizeChartRef(Object id, Set<String> sizes) {
    }

    private final CentraClient centra;
    private final boolean create;
    private final Map<String, Map<String, Object>> byKind = new HashMap<>();
    private Map<String, SizeChartRef> sizeCharts;
    /** Read-only: what the import would create, as "size chart 'S-M-L' (sizes S, M, L)", in the order met. */
    private final Set<String> wouldCreate = new java.util.LinkedHashSet<>();

    CatalogueNames(CentraClient centra) {
        this(centra, true);
    }

    private CatalogueNames(CentraClient centra, boolean create) {
        this.centra = centra;
        this.create = create;
    }

    /** Names read from Centra (queries only); a missing one is named in {@link #wouldCreate()}, not created. */
    static CatalogueNames readOnly(CentraClient centra) {
        return new CatalogueNames(centra, false);
    }

    /** Read-only: the size charts, brands, collections and folders the import would create. */
    synchronized List<String> wouldCreate() {
        return List.copyOf(wouldCreate);
    }

    /** The brand's id, created when missing; empty for no name. */
    Optional<Object> brand(String name) {
        return id("brands", "brand", name, Map.of("name", name == null ? "" : name));
    }

    Optional<Object> collection(String name) {
        return id("collections", "collection", name, Map.of("name", name == null ? "" : name, "status", "ACTIVE"));
    }

    Optional<Object> folder(String name) {
        return id("folders", "folder", name, Map.of("name", name == null ? "" : name));
    }

    /** The size chart, created with {@code sizes} when Centra has none of that name. */
    synchronized SizeChartRef sizeChart(String name, List<String> sizes) {
        if (sizeCharts == null) {
            sizeCharts = new HashMap<>();
            centra.pages("sizeCharts", Map.of(), "sizeCharts", CentraClient.MAX_PAGE_SIZE)
                    .forEach(chart -> sizeCharts.put(key(chart.path("name").asText()), ref(chart)));
        }
        SizeChartRef found = sizeCharts.get(key(name));
        if (found != null) {
            return found;
        }
        if (!create) {
            wouldCreate.add("size chart '" + name + "' (sizes " + String.join(", ", sizes) + ")");
            SizeChartRef named = new SizeChartRef(placeholder("size chart", name),
                    new java.util.LinkedHashSet<>(sizes));
            sizeCharts.put(key(name), named);
            return named;
        }
        JsonNode created = centra.mutate("catalogue/createSizeChart", Map.of("input", Map.of("name", name,
                "horizontalLabels", sizes, "dividerSymbol", "x")), Retry.NEVER).orThrow().path("sizeChart");
        SizeChartRef ref = ref(created);
        sizeCharts.put(key(name), ref);
        return ref;
    }

    private synchronized Optional<Object> id(String list, String object, String name, Map<String, Object> input) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        Map<String, Object> ids = byKind.computeIfAbsent(list, l -> {
            Map<String, Object> read = new HashMap<>();
            centra.pages("catalogue/" + l, Map.of(), l, CentraClient.MAX_PAGE_SIZE)
                    .forEach(o -> read.put(key(o.path("name").asText()), o.path("id").asLong()));
            return read;
        });
        Object found = ids.get(key(name));
        if (found == null && !create) {
            wouldCreate.add(object + " '" + name + "'");
            found = placeholder(object, name);
            ids.put(key(name), found);
        }
        if (found == null) {
            String document = "catalogue/create" + Character.toUpperCase(object.charAt(0)) + object.substring(1);
            found = centra.mutate(document, Map.of("input", input), Retry.NEVER).orThrow().path(object).path("id")
                    .asLong();
            ids.put(key(name), found);
        }
        return Optional.of(found);
    }

    /** What a read-only preview prints for the id of an object the import would create. */
    static String placeholder(String object, String name) {
        return "(id of the new " + object + " '" + name + "')";
    }

    private static SizeChartRef ref(JsonNode chart) {
        Set<String> sizes = new java.util.LinkedHashSet<>();
        chart.path("sizes").forEach(s -> sizes.add(s.path("name").asText()));
        return new SizeChartRef(chart.path("id").asLong(), sizes);
    }

    /** Centra compares these names without case (a second "base brand" is refused). */
    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
