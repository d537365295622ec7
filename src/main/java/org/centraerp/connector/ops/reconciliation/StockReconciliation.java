package org.centraerp.connector.ops.reconciliation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.state.SentValues;

/**
 * Stock: what the ERP last said per size × warehouse (what the stock flow last sent Centra, absolute mode) against
 * Centra's physical stock now. A difference means someone changed stock in Centra by hand (or another integration
 * did); {@link #heal} sends the ERP's value again. Works one warehouse at a time.
 */
public class StockReconciliation {

    static final String FLOW = "stock";
    static final int PAGE = 200;
    static final int HEAL_BATCH = 500;

    private final CentraClient centra;
    private final SentValues sentValues;

    public StockReconciliation(CentraClient centra, SentValues sentValues) {
        this.centra = centra;
        this.sentValues = sentValues;
    }

    /** Compares every size × warehouse the ERP gave; each difference goes to {@code out}. Answers sizes compared. */
    public long run(Consumer<Difference> out) {
        TreeSet<Integer> warehouses = new TreeSet<>();
        sentValues.forEach(FLOW, "", (key, value) -> warehouses.add(warehouseOf(key)));
        long checked = 0;
        for (int warehouse : warehouses) {
            Map<String, String> erp = new LinkedHashMap<>();
            // Stored as "quantity@pass" (the file reading that sent it), or "quantity" alone by older versions.
            sentValues.forEach(FLOW, warehouse + "|", (key, value) -> erp.put(key, value.split("@", 2)[0]));
            Map<String, Integer> now = centraStock(warehouse);
            for (Map.Entry<String, String> entry : erp.entrySet()) {
                checked++;
                Integer inCentra = now.get(entry.getKey());
                if (inCentra == null) {
                    out.accept(new Difference(FLOW, entry.getKey(), entry.getValue(), "", "size not stocked in Centra"));
                } else if (!entry.getValue().equals(inCentra.toString())) {
                    out.accept(new Difference(FLOW, entry.getKey(), entry.getValue(), inCentra.toString(),
                            "changed in Centra"));
                }
            }
        }
        return checked;
    }

    /** Physical stock of one warehouse by {@code warehouse|SKU:x} and {@code warehouse|EAN:x}. */
    private Map<String, Integer> centraStock(int warehouse) {
        Map<String, Integer> stock = new HashMap<>();
        for (int page = 1; ; page++) {
            JsonNode found = centra.query("warehouseStock", Map.of("warehouse", warehouse, "limit", PAGE, "page", page))
                    .data().path("warehouses");
            JsonNode levels = found.isEmpty() ? found : found.get(0).path("stock");
            for (JsonNode level : levels) {
                int quantity = level.path("physicalQuantity").asInt();
                String sku = level.path("productSize").path("SKU").asText("");
                String ean = level.path("productSize").path("EAN").asText("");
                if (!sku.isEmpty()) {
                    stock.put(warehouse + "|SKU:" + sku, quantity);
                }
                if (!ean.isEmpty()) {
                    stock.put(warehouse + "|EAN:" + ean, quantity);
                }
            }
            if (levels.size() < PAGE) {
                return stock;
            }
        }
    }

    /**
     * Sends Centra the ERP's values of these differences again (setStock, absolute); answers how many sizes were
     * sent. Differences of other kinds, or without an ERP value, are left alone.
     */
    public int heal(List<Difference> differences) {
        Map<Integer, Map<String, List<Map<String, Object>>>> byWarehouseAndKey = new LinkedHashMap<>();
        for (Difference d : differences) {
            if (!FLOW.equals(d.kind()) || d.erp().isEmpty()) {
                continue;
            }
            int bar = d.key().indexOf('|');
            int colon = d.key().indexOf(':', bar);
            String productKey = d.key().substring(bar + 1, colon);
            byWarehouseAndKey.computeIfAbsent(warehouseOf(d.key()), w -> new LinkedHashMap<>())
                    .computeIfAbsent(productKey, k -> new ArrayList<>())
                    .add(Map.of("productSize", Map.of(productKey, d.key().substring(colon + 1)),
                            "quantity", Integer.parseInt(d.erp())));
        }
        int sent = 0;
        for (var warehouse : byWarehouseAndKey.entrySet()) {
            for (List<Map<String, Object>> sizes : warehouse.getValue().values()) {
                for (int i = 0; i < sizes.size(); i += HEAL_BATCH) {
                    List<Map<String, Object>> batch = sizes.subList(i, Math.min(sizes.size(), i + HEAL_BATCH));
                    centra.mutate("setStock", Map.of("input", Map.of("warehouse", Map.of("id", warehouse.getKey()),
                            "description", "connector reconciliation: the ERP's stock again",
                            "stockQuantityType", "PHYSICAL", "productSizes", batch)), CentraClient.Retry.SAFE).orThrow();
                    sent += batch.size();
                }
            }
        }
        return sent;
    }

    private static int warehouseOf(String key) {
        return Integer.parseInt(key.substring(0, key.indexOf('|')));
    }
}
