package org.centraerp.connector.flows.stock;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the steps of a stock file put each line's outcome: the mapper (invalid lines), "keep only changes"
 * (unchanged lines) and the senders (applied, refused) write here; step {@code record-outcomes} of the route then
 * moves them to the file's {@link StockReport}.
 */
class StockOutcomes {

    /** One line's outcome. */
    record Entry(long line, String key, String warehouse, String quantity, StockReport.Outcome outcome,
                 String reason) {
    }

    private final List<Entry> entries = new ArrayList<>();

    void line(StockLine line, StockReport.Outcome outcome, String reason) {
        line(line.line(), line.key(), line.warehouse(), String.valueOf(line.quantity()), outcome, reason);
    }

    void line(long line, String key, String warehouse, String quantity, StockReport.Outcome outcome, String reason) {
        entries.add(new Entry(line, key, warehouse, quantity, outcome, reason));
    }

    /** The outcomes since the last call, in the order they happened. */
    List<Entry> drain() {
        List<Entry> drained = List.copyOf(entries);
        entries.clear();
        return drained;
    }
}
