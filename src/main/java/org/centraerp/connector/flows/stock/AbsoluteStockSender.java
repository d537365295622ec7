package org.centraerp.connector.flows.stock;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.TreeMap;

import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.centra.ComplexityBatchSizer;
import org.centraerp.connector.centra.MutationResult;
import org.centraerp.connector.mapping.StockMapping.ProductKey;
import org.centraerp.connector.state.SentValues;

/**
 * Absolute mode: physical stock per size × warehouse with {@code setStock} (one warehouse per call, up to
 * batch-size sizes, fewer when Centra's complexity budget says so: {@link ComplexityBatchSizer}). Only lines whose quantity differs from what Centra was last sent go out ({@link SentValues},
 * looked up a batch at a time); accepted values are remembered right after Centra took them. Resending after a
 * crash is harmless: setting the same level twice is the same as once.
 */
final class AbsoluteStockSender implements StockSender {

    static final String FLOW = "stock";

    private final CentraClient centra;
    private final SentValues sentValues;
    private final int batchSize;
    private final ComplexityBatchSizer sizer;
    private boolean quotasLearned;
    private final ProductKey productKey;
    private final String description;
    private final StockOutcomes report;
    private final String pass;
    /** Per warehouse: lines not yet compared with what was sent (at most batch-size). */
    private final Map<Integer, LinkedHashMap<String, StockLine>> unchecked = new TreeMap<>();
    /** Per warehouse: changed lines waiting for a full batch (fewer than batch-size after each send). */
    private final Map<Integer, LinkedHashMap<String, StockLine>> changed = new TreeMap<>();

    /**
     * @param pass this reading of this file (its checksum and time): a line sent by an earlier pass of the same file
     *             (one rolled back after Centra went away) is reported "applied-earlier", not "unchanged"
     */
    AbsoluteStockSender(CentraClient centra, SentValues sentValues, int batchSize, ProductKey productKey,
                        String description, String pass, StockOutcomes report) {
        this.pass = pass;
        this.centra = centra;
        this.sentValues = sentValues;
        this.batchSize = batchSize;
        // without a client (tests of what is compared before sending) batches are simply batch-size
        this.sizer = centra == null ? new ComplexityBatchSizer("setStock", List.of(), batchSize)
                : ComplexityBatchSizer.of("setStock", centra, batchSize);
        this.productKey = productKey;
        this.description = description;
        this.report = report;
    }

    @Override
    public void accept(StockLine line) {
        String item = line.sizeInWarehouse(productKey.name());
        int warehouse = line.warehouseId();
        if (queued(unchecked, warehouse, item) || queued(changed, warehouse, item)) {
            // The same size twice in a file: the later line must reach Centra after the earlier one.
            flush(warehouse, true);
        }
        unchecked.computeIfAbsent(warehouse, w -> new LinkedHashMap<>()).put(item, line);
    }

    @Override
    public void keepChanges() {
        for (Integer warehouse : List.copyOf(unchecked.keySet())) {
            compare(warehouse);
        }
    }

    @Override
    public void sendFullBatches() {
        for (Integer warehouse : List.copyOf(changed.keySet())) {
            sendWaiting(warehouse, false);
        }
    }

    @Override
    public void finish() {
        Set<Integer> warehouses = new TreeSet<>(unchecked.keySet());
        warehouses.addAll(changed.keySet());
        for (Integer warehouse : warehouses) {
            flush(warehouse, true);
        }
    }

    /** Compares the unchecked lines with what was sent, then sends full batches (or everything, when draining). */
    private void flush(int warehouse, boolean drain) {
        compare(warehouse);
        sendWaiting(warehouse, drain);
    }

    /** The warehouse's unchecked lines: unchanged ones reported, changed ones waiting for a batch. */
    private void compare(int warehouse) {
        LinkedHashMap<String, StockLine> lines = unchecked.remove(warehouse);
        LinkedHashMap<String, StockLine> waiting = changed.computeIfAbsent(warehouse, w -> new LinkedHashMap<>());
        if (lines != null) {
            Map<String, String> sent = sentValues.read(FLOW, lines.keySet());
            lines.forEach((item, line) -> {
                // stored as "quantity@pass" ("quantity" alone before passes were recorded)
                String value = sent.get(item);
                int at = value == null ? -1 : value.indexOf('@');
                String quantity = at < 0 ? value : value.substring(0, at);
                if (String.valueOf(line.quantity()).equals(quantity)) {
                    boolean thisFile = at >= 0 && value.substring(at + 1).equals(pass);
                    report.line(line, thisFile ? StockReport.Outcome.APPLIED_EARLIER : StockReport.Outcome.UNCHANGED,
                            thisFile ? "applied by an earlier reading of this file" : null);
                } else {
                    waiting.put(item, line);
                }
            });
        }
    }

    /** Sends the warehouse's full batches (or everything, when draining). */
    private void sendWaiting(int warehouse, boolean drain) {
        LinkedHashMap<String, StockLine> waiting = changed.computeIfAbsent(warehouse, w -> new LinkedHashMap<>());
        int size = sizer.size();
        while (waiting.size() >= size || (drain && !waiting.isEmpty())) {
            List<StockLine> batch = new ArrayList<>(size);
            var it = waiting.values().iterator();
            while (it.hasNext() && batch.size() < size) {
                batch.add(it.next());
                it.remove();
            }
            send(warehouse, batch);
            size = sizer.size();
        }
    }

    private void send(int warehouse, List<StockLine> batch) {
        if (!quotasLearned) {
            quotasLearned = true;
            sizer.learnQuotas(centra);
        }
        StockBatchDelivery.deliver(batch, (piece, lines) -> {
            MutationResult result = centra.mutate("setStock", input(warehouse, lines), CentraClient.Retry.SAFE);
            sizer.answered(lines.size(), result.response().complexity());
            return result;
        }, new StockBatchDelivery.Outcomes() {
                    @Override
                    public void accepted(List<StockLine> lines, MutationResult result) {
                        Map<String, String> values = new LinkedHashMap<>();
                        Map<Integer, String> warnings = StockBatchDelivery.byIndex(result.userWarnings(), lines.size());
                        for (int i = 0; i < lines.size(); i++) {
                            StockLine line = lines.get(i);
                            values.put(line.sizeInWarehouse(productKey.name()), line.quantity() + "@" + pass);
                            report.line(line, StockReport.Outcome.APPLIED, warnings.get(i));
                        }
                        sentValues.remember(FLOW, values);
                    }

                    @Override
                    public void refused(StockLine line, String reason) {
                        report.line(line, StockReport.Outcome.REFUSED, reason);
                    }
                });
    }

    private Map<String, Object> input(int warehouse, List<StockLine> lines) {
        List<Map<String, Object>> sizes = new ArrayList<>(lines.size());
        for (StockLine line : lines) {
            sizes.add(Map.of("productSize", Map.of(productKey.name(), line.key()), "quantity", line.quantity()));
        }
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("warehouse", Map.of("id", warehouse));
        input.put("description", description);
        input.put("stockQuantityType", "PHYSICAL");
        input.put("productSizes", sizes);
        return Map.of("input", input);
    }

    private static boolean queued(Map<Integer, LinkedHashMap<String, StockLine>> queue, int warehouse, String item) {
        LinkedHashMap<String, StockLine> lines = queue.get(warehouse);
        return lines != null && lines.containsKey(item);
    }
}
