package org.centraerp.connector.flows.stock;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.erp.ErpCsvReader;
import org.centraerp.connector.mapping.StockMapping;
import org.centraerp.connector.state.SentValues;

/**
 * {@code preview stock <file>}: what the stock flow would send for a file, sending nothing: per line the mutation it
 * goes in, or why it is skipped (unchanged since last sent, invalid), then each mutation with its variables as the
 * flow builds them (setStock per warehouse in absolute mode, changeStock per warehouse and direction in delta mode).
 */
public final class StockPreview {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final CentraClient centra;
    private final SentValues sentValues;
    private final int batchSize;

    public StockPreview(CentraClient centra, SentValues sentValues, StockProperties properties) {
        this.centra = centra;
        this.sentValues = sentValues;
        this.batchSize = properties.batchSize();
    }

    /** Prints the preview; 0 when the file could be read, 1 otherwise. */
    public int run(StockMapping mapping, Path file, PrintStream out) {
        if (!Files.isRegularFile(file)) {
            out.println("preview: no file " + file);
            return 1;
        }
        Set<Integer> warehouses = centra.pages("warehouses", Map.of(), "warehouses", CentraClient.MAX_PAGE_SIZE)
                .map(w -> w.path("id").asInt()).collect(Collectors.toSet());
        String name = file.getFileName().toString();
        String key = mapping.productKey().name();
        boolean delta = mapping.mode() == StockMapping.Mode.DELTA;
        Map<String, List<StockLine>> batches = new LinkedHashMap<>();
        out.println("# Preview of " + name + " with " + mapping.file() + ": nothing is sent");
        ErpCsvReader reader = new ErpCsvReader(mapping.file(), mapping.csv().delimiter(), mapping.csv().charset(),
                mapping.csv().header(), mapping.columns());
        try (InputStream in = Files.newInputStream(file)) {
            StockLineMapper mapper = new StockLineMapper(mapping, name, warehouses);
            StockOutcomes invalid = new StockOutcomes();
            reader.read(in, row -> {
                String at = "line " + row.line() + ": ";
                Optional<StockLine> mapped = mapper.map(row, invalid);
                if (mapped.isEmpty()) {
                    // the report's own reason, as the flow's mapper gives it
                    invalid.drain().forEach(e -> out.println(at + "invalid — " + e.reason()));
                    return;
                }
                StockLine line = mapped.get();
                int warehouseId = line.warehouseId();
                int quantity = line.quantity();
                if (!delta) {
                    String sent = sentValues.read(AbsoluteStockSender.FLOW, Set.of(line.sizeInWarehouse(key)))
                            .get(line.sizeInWarehouse(key));
                    String sentQuantity = sent == null ? null : sent.split("@", 2)[0];
                    if (String.valueOf(quantity).equals(sentQuantity)) {
                        out.println(at + key + " " + line.key() + " in warehouse " + warehouseId + ": " + quantity
                                + " — skipped, unchanged since it was last sent");
                        return;
                    }
                }
                String mutation = (delta ? "changeStock " + (quantity > 0 ? "into" : "out of") : "setStock")
                        + " warehouse " + warehouseId;
                List<StockLine> batch = batches.computeIfAbsent(mutation, m -> new ArrayList<>());
                batch.add(line);
                out.println(at + key + " " + line.key() + " in warehouse " + warehouseId + ": " + quantity + " — "
                        + mutation + " #" + ((batch.size() - 1) / batchSize + 1));
            });
        } catch (IOException | RuntimeException e) {
            out.println("preview: " + name + " cannot be read: " + e.getMessage());
            return 1;
        }
        batches.forEach((mutation, lines) -> {
            for (int from = 0, n = 1; from < lines.size(); from += batchSize, n++) {
                List<StockLine> part = lines.subList(from, Math.min(lines.size(), from + batchSize));
                out.println("# " + mutation + " #" + n + " (" + part.size() + " sizes), variables:");
                out.println(json(delta ? deltaInput(key, name, part) : absoluteInput(key, name, part)));
            }
        });
        return 0;
    }

    private static Map<String, Object> absoluteInput(String key, String fileName, List<StockLine> lines) {
        List<Map<String, Object>> sizes = new ArrayList<>();
        lines.forEach(l -> sizes.add(Map.of("productSize", Map.of(key, l.key()), "quantity", l.quantity())));
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("warehouse", Map.of("id", lines.get(0).warehouseId()));
        input.put("description", "ERP stock file " + fileName);
        input.put("stockQuantityType", "PHYSICAL");
        input.put("productSizes", sizes);
        return Map.of("input", input);
    }

    private static Map<String, Object> deltaInput(String key, String fileName, List<StockLine> lines) {
        boolean into = lines.get(0).quantity() > 0;
        List<Map<String, Object>> sizes = new ArrayList<>();
        lines.forEach(l -> sizes.add(Map.of("productSize", Map.of(key, l.key()),
                "deliveredQuantity", Math.abs(l.quantity()))));
        Map<String, Object> input = new LinkedHashMap<>();
        input.put(into ? "intoWarehouse" : "outFromWarehouse", Map.of("id", lines.get(0).warehouseId()));
        input.put("description", "ERP stock file " + fileName);
        input.put("productSizes", sizes);
        return Map.of("input", input);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }
}
