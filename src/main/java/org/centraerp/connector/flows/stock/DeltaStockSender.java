package org.centraerp.connector.flows.stock;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.NullNode;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.centra.CentraUnavailableException;
import org.centraerp.connector.centra.MutationResult;
import org.centraerp.connector.mapping.StockMapping.ProductKey;
import org.centraerp.connector.state.IdempotencyKeys;
import org.centraerp.connector.state.SentValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delta mode: movements with {@code changeStock}, one warehouse and one direction per call, applied exactly once.
 * Each batch has a key (file checksum + batch size + batch number: the same file gives the same batches) that is
 * stored as in flight before the send, put in the stock change's description, and marked done after. Before a batch
 * is sent, and after a send that got no answer, Centra's stock changes are searched for the key.
 */
final class DeltaStockSender implements StockSender {

    static final String FLOW = "stock-delta";
    static final String IN_FLIGHT = "IN_FLIGHT";
    static final String DONE = "DONE";
    /** Sends of one piece whose answer got lost, each followed by a look-up in Centra, before the file waits. */
    private static final int MAX_UNKNOWN_OUTCOMES = 5;

    private static final Logger log = LoggerFactory.getLogger(DeltaStockSender.class);

    private final CentraClient centra;
    private final IdempotencyKeys keys;
    private final SentValues sentValues;
    private final int batchSize;
    private final ProductKey productKey;
    private final String fileName;
    private final String keyPrefix;
    private final StockOutcomes report;
    /** Per warehouse and direction ("1+" into warehouse 1, "1-" out of it): lines waiting for a full batch. */
    private final Map<String, List<StockLine>> queues = new LinkedHashMap<>();
    private int batchNumber;

    DeltaStockSender(CentraClient centra, IdempotencyKeys keys, SentValues sentValues, int batchSize,
                     ProductKey productKey, String fileName, String checksum, StockOutcomes report) {
        this.centra = centra;
        this.keys = keys;
        this.sentValues = sentValues;
        this.batchSize = batchSize;
        this.productKey = productKey;
        this.fileName = fileName;
        this.keyPrefix = "stock-" + checksum.substring(0, 16) + "-" + batchSize + "-";
        this.report = report;
    }

    @Override
    public void accept(StockLine line) {
        if (line.quantity() == 0) {
            report.line(line, StockReport.Outcome.UNCHANGED, "a movement of 0");
            return;
        }
        String queue = line.warehouseId() + (line.quantity() > 0 ? "+" : "-");
        queues.computeIfAbsent(queue, q -> new ArrayList<>(batchSize)).add(line);
    }

    /** Movements are changes by nature: only movements of 0 were left out (as unchanged) when queued. */
    @Override
    public void keepChanges() {
    }

    @Override
    public void sendFullBatches() {
        for (Map.Entry<String, List<StockLine>> queue : queues.entrySet()) {
            List<StockLine> lines = queue.getValue();
            while (lines.size() >= batchSize) {
                List<StockLine> batch = new ArrayList<>(lines.subList(0, batchSize));
                lines.subList(0, batchSize).clear();
                send(batch);
            }
        }
    }

    @Override
    public void finish() {
        for (String queue : List.copyOf(queues.keySet())) {
            send(queues.remove(queue));
        }
    }

    private void send(List<StockLine> batch) {
        String batchKey = keyPrefix + (++batchNumber);
        StockBatchDelivery.deliver(batch, (piece, lines) -> sendOnce(piece.isEmpty() ? batchKey : batchKey + "/" + piece,
                lines), new StockBatchDelivery.Outcomes() {
                    @Override
                    public void accepted(List<StockLine> lines, MutationResult result) {
                        Map<Integer, String> warnings = result == null ? Map.of()
                                : StockBatchDelivery.byIndex(result.userWarnings(), lines.size());
                        List<String> items = new ArrayList<>(lines.size());
                        for (int i = 0; i < lines.size(); i++) {
                            report.line(lines.get(i), result == null ? StockReport.Outcome.ALREADY_APPLIED
                                    : StockReport.Outcome.APPLIED, warnings.get(i));
                            items.add(lines.get(i).sizeInWarehouse(productKey.name()));
                        }
                        // Absolute levels remembered for these sizes are no longer what Centra has.
                        sentValues.forget(AbsoluteStockSender.FLOW, items);
                    }

                    @Override
                    public void refused(StockLine line, String reason) {
                        report.line(line, StockReport.Outcome.REFUSED, reason);
                    }
                });
    }

    /** Sends one piece at most once; null when it was applied before. */
    private MutationResult sendOnce(String key, List<StockLine> lines) {
        if (!keys.claim(FLOW, key, IN_FLIGHT) && keys.outcome(FLOW, key).orElse(IN_FLIGHT).startsWith(DONE)) {
            return null;
        }
        // Asked before every send, not only for keys found in flight: a state database that lost its last commits
        // in a crash (H2 keeps them in memory for up to a second by default) must not make a movement apply twice.
        // A query costs no mutation quota, the scarce one.
        if (appliedInCentra(key)) {
            keys.recordOutcome(FLOW, key, DONE + " (found in Centra before sending)");
            return null;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                MutationResult result = centra.mutate("changeStock", input(key, lines), CentraClient.Retry.NEVER);
                if (result.ok()) {
                    keys.recordOutcome(FLOW, key, DONE + " stockChange " + result.payload().path("stockChange")
                            .path("id").asText());
                }
                return result;
            } catch (CentraUnavailableException e) {
                if (!e.outcomeUnknown() || attempt >= MAX_UNKNOWN_OUTCOMES) {
                    throw e; // the key stays in flight: the next run looks it up before sending
                }
                log.warn("{}: no answer to changeStock {} ({}); asking Centra whether it was applied",
                        fileName, key, e.getMessage());
                if (appliedInCentra(key)) {
                    keys.recordOutcome(FLOW, key, DONE + " (found in Centra after no answer)");
                    return new MutationResult("changeStock", NullNode.getInstance(), List.of(), List.of(), null);
                }
            }
        }
    }

    /** Whether a stock change whose description carries this exact key exists in Centra. */
    private boolean appliedInCentra(String key) {
        return centra.query("stockChanges", Map.of("comment", marker(key))).data()
                .path("stockChangeConnection").path("totalCount").asInt(0) > 0;
    }

    /** The key as it appears in a description; the brackets keep "k/L" from matching "k/LR". */
    private static String marker(String key) {
        return "[" + key + "]";
    }

    private Map<String, Object> input(String key, List<StockLine> lines) {
        boolean into = lines.get(0).quantity() > 0;
        List<Map<String, Object>> sizes = new ArrayList<>(lines.size());
        for (StockLine line : lines) {
            sizes.add(Map.of("productSize", Map.of(productKey.name(), line.key()),
                    "deliveredQuantity", Math.abs(line.quantity())));
        }
        Map<String, Object> input = new LinkedHashMap<>();
        input.put(into ? "intoWarehouse" : "outFromWarehouse", Map.of("id", lines.get(0).warehouseId()));
        input.put("description", "ERP stock file " + fileName + " " + marker(key));
        input.put("productSizes", sizes);
        return Map.of("input", input);
    }
}
