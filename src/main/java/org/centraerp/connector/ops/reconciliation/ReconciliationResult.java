package org.centraerp.connector.ops.reconciliation;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * One run of one reconciliation: what was compared and what differs.
 *
 * @param checked     items compared
 * @param differences the differences (at most {@link Reconciliations#SHOWN}; the CSV report has all)
 * @param total       differences in all
 * @param report      the CSV report under {@code <erp folder>/out/reconciliation/}
 * @param error       why the run did not finish (Centra unreachable…), or null
 */
public record ReconciliationResult(String kind, Instant at, String scope, long checked, List<Difference> differences,
                                   long total, Path report, String error) {

    /** The report's file name, or null. */
    public String reportName() {
        return report == null ? null : report.getFileName().toString();
    }

    public boolean clean() {
        return error == null && total == 0;
    }
}
