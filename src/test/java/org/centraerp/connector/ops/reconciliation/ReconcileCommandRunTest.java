package org.centraerp.connector.ops.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reconcile stock} and {@code reconcile orders --since <date>} as a user runs them: the whole application on
 * its embedded defaults (the built-in sandbox), the exit status, what is printed and the CSV report written.
 */
class ReconcileCommandRunTest {

    @TempDir
    Path erpFolder;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private int reconcile(String stateUrl, String... words) {
        bytes.reset();
        String[] args = Stream.concat(Stream.of("reconcile"), Stream.concat(Stream.of(words),
                Stream.of("--spring.datasource.url=" + stateUrl, "--connector.erp.folder=" + erpFolder))).toArray(String[]::new);
        return ReconcileCommand.run(args, out);
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The report the last run printed; it lies under the ERP folder's out/reconciliation. */
    private Path report() {
        Matcher m = Pattern.compile("report: (\\S+)").matcher(printed());
        assertThat(m.find()).as(printed()).isTrue();
        Path report = Path.of(m.group(1));
        assertThat(report.getParent()).isEqualTo(erpFolder.resolve("out/reconciliation"));
        assertThat(report).isRegularFile();
        return report;
    }

    @Test
    void stockWithoutDifferencesExitsWith0AndWithOneExitsWith1AndListsItInTheCsv() throws Exception {
        String state = "jdbc:h2:mem:reconcile-stock-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";

        assertThat(reconcile(state, "stock")).as(printed()).isZero();
        assertThat(printed()).containsPattern("stock: 0 checked \\([^)]*\\), 0 differ");
        List<String> empty = Files.readAllLines(report());
        assertThat(empty).hasSize(1);
        String header = empty.get(0);

        // The ERP said 9999 for a size the sandbox has stocked otherwise (the state database outlives the run).
        try (Connection db = DriverManager.getConnection(state, "sa", "");
             PreparedStatement insert = db.prepareStatement("INSERT INTO connector_sent_value"
                     + " (flow, item_key, item_value, updated_at) VALUES ('stock', '1|SKU:SWEATER-RED-S', '9999@1', ?)")) {
            insert.setTimestamp(1, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }

        assertThat(reconcile(state, "stock")).as(printed()).isEqualTo(1);
        assertThat(printed()).containsPattern("stock: 1 checked \\([^)]*\\), 1 differ").contains("1|SKU:SWEATER-RED-S");
        List<String> lines = Files.readAllLines(report());
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo(header);
        assertThat(lines.get(1)).startsWith("stock;1|SKU:SWEATER-RED-S;9999;").endsWith(";changed in Centra");
    }

    @Test
    void ordersSinceADateExitWith1WhenOrdersWereNeverExportedAndTheCsvListsThem() throws Exception {
        String state = "jdbc:h2:mem:reconcile-orders-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        // The sandbox's seeded orders were last changed in November 2022; this connector never exported one.
        int status = reconcile(state, "orders", "--since", "2022-11-01");

        Matcher counts = Pattern.compile("orders: (\\d+) checked \\([^)]*\\), (\\d+) differ").matcher(printed());
        assertThat(counts.find()).as(printed()).isTrue();
        long checked = Long.parseLong(counts.group(1));
        long differ = Long.parseLong(counts.group(2));
        assertThat(checked).as(printed()).isPositive();
        assertThat(differ).isEqualTo(checked);
        assertThat(status).isEqualTo(1);
        List<String> lines = Files.readAllLines(report());
        assertThat(lines).hasSize(1 + (int) differ);
        assertThat(lines.subList(1, lines.size())).allSatisfy(l -> assertThat(l).endsWith(";never exported to the ERP"));
    }

    @Test
    void ordersSinceTomorrowFindNothingAndExitWith0() throws IOException, SQLException {
        String state = "jdbc:h2:mem:reconcile-none-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";

        int status = reconcile(state, "orders", "--since=" + LocalDate.now(ZoneOffset.UTC).plusDays(1));

        assertThat(status).as(printed()).isZero();
        assertThat(printed()).containsPattern("orders: 0 checked \\([^)]*\\), 0 differ");
        assertThat(Files.readAllLines(report())).hasSize(1);
    }
}
