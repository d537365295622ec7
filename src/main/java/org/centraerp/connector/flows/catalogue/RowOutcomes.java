package org.centraerp.connector.flows.catalogue;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.centraerp.connector.flows.catalogue.ImportReport.Outcome;

/** What happened to each row of a product group: the strongest of created, updated, unchanged; a failure wins. */
final class RowOutcomes {

    private final Map<Long, Outcome> outcomes = new LinkedHashMap<>();
    private final Map<Long, String> reasons = new LinkedHashMap<>();

    RowOutcomes(Collection<ProductRow> rows) {
        rows.forEach(r -> outcomes.put(r.line(), Outcome.UNCHANGED));
    }

    void created(Collection<ProductRow> rows) {
        rows.forEach(r -> raise(r, Outcome.CREATED));
    }

    void updated(Collection<ProductRow> rows) {
        rows.forEach(r -> raise(r, Outcome.UPDATED));
    }

    void failed(Collection<ProductRow> rows, String reason) {
        for (ProductRow row : rows) {
            if (outcomes.get(row.line()) != Outcome.FAILED) {
                outcomes.put(row.line(), Outcome.FAILED);
                reasons.put(row.line(), reason);
            }
        }
    }

    boolean hasFailed(ProductRow row) {
        return outcomes.get(row.line()) == Outcome.FAILED;
    }

    /** Why the row failed, or null. */
    String reason(ProductRow row) {
        return reasons.get(row.line());
    }

    Outcome outcome(ProductRow row) {
        return outcomes.get(row.line());
    }

    void report(Collection<ProductRow> rows, ImportReport report) {
        for (ProductRow row : rows) {
            report.row(row.line(), row.sizeKey(), outcomes.get(row.line()), reasons.get(row.line()));
        }
    }

    private void raise(ProductRow row, Outcome outcome) {
        Outcome current = outcomes.get(row.line());
        if (current == Outcome.UNCHANGED || (current == Outcome.UPDATED && outcome == Outcome.CREATED)) {
            outcomes.put(row.line(), outcome);
        }
    }
}
