package org.centraerp.connector.ops.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The reconcile verb's command line and what it prints; the runs themselves are in ReconciliationTest. */
class ReconcileCommandTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void unknownKindOrBadDateIsOneLineAndStatus3WithoutStarting() {
        assertThat(ReconcileCommand.run(new String[] {"reconcile", "prices"}, out)).isEqualTo(3);
        assertThat(printed()).startsWith("usage: reconcile stock [--heal]");
        bytes.reset();
        assertThat(ReconcileCommand.run(new String[] {"reconcile", "orders", "--since", "yesterday"}, out)).isEqualTo(3);
        assertThat(printed().strip()).isEqualTo("reconcile failed: --since needs a date like 2026-11-01");
        bytes.reset();
        assertThat(ReconcileCommand.run(new String[] {"orders", "--since=2026-13-01"}, out)).isEqualTo(3);
        assertThat(printed().strip()).isEqualTo("reconcile failed: --since needs a date like 2026-11-01");
    }

    @Test
    void differencesArePrintedWithTheReportAndExitWith1() {
        ReconciliationResult result = new ReconciliationResult("stock", Instant.now(), "every size", 2,
                List.of(new Difference("stock", "1|SKU:SWEATER-RED-S", "25", "3", "changed in Centra")), 1,
                Path.of("var/erp/out/reconciliation/stock-1.csv"), null);

        assertThat(ReconcileCommand.print(result, out)).isEqualTo(1);
        assertThat(printed()).contains("stock: 2 checked (every size), 1 differ")
                .contains("1|SKU:SWEATER-RED-S").contains("changed in Centra")
                .contains("report: var/erp/out/reconciliation/stock-1.csv");
    }

    @Test
    void aRunThatDidNotFinishExitsWith2() {
        ReconciliationResult failed = new ReconciliationResult("orders", Instant.now(), "since", 0, List.of(), 0, null,
                "Centra unreachable");
        assertThat(ReconcileCommand.print(failed, out)).isEqualTo(2);
        assertThat(printed()).contains("reconcile orders failed: Centra unreachable");
    }
}
