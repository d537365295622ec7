package org.centraerp.connector.flows.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.centraerp.connector.flows.stock.StockTestSupport.report;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import org.centraerp.connector.mapping.StockMapping.ProductKey;
import org.centraerp.connector.state.SentValues;
import org.centraerp.connector.state.StateDatabase;
import org.centraerp.connector.state.StateSchema;
import org.centraerp.connector.state.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Absolute stock: a line an earlier reading of the same file sent (that reading rolled back when Centra went away)
 * is reported "applied-earlier"; the same level sent by another file is "unchanged". Nothing is sent either way, so
 * no Centra is needed here.
 */
class StockAppliedEarlierTest {

    private static final TestDatabase DATABASE = new TestDatabase.H2();
    private static SentValues sentValues;

    @TempDir
    Path folder;

    @BeforeAll
    static void state() {
        DataSource dataSource = DATABASE.open();
        StateSchema.migrate(dataSource);
        sentValues = new SentValues(new StateDatabase(dataSource));
    }

    @AfterAll
    static void close() throws Exception {
        DATABASE.close();
    }

    @Test
    void linesOfAnEarlierReadingOfThisFileAreAppliedEarlierOthersUnchanged() {
        StockLine mine = new StockLine(2, "SWEATER-RED-S", "WH1", 1, 12);
        StockLine other = new StockLine(3, "SWEATER-RED-M", "WH1", 1, 30);
        StockLine old = new StockLine(4, "SWEATER-RED-L", "WH1", 1, 7);
        sentValues.remember(AbsoluteStockSender.FLOW, Map.of(
                mine.sizeInWarehouse("SKU"), "12@pass-1",
                other.sizeInWarehouse("SKU"), "30@pass-0",
                old.sizeInWarehouse("SKU"), "7"));
        StockReport report = new StockReport("stock.csv", 3, Duration.ofMinutes(1), null);
        StockOutcomes outcomes = new StockOutcomes();

        AbsoluteStockSender sender = new AbsoluteStockSender(null, sentValues, 10, ProductKey.SKU, "test", "pass-1",
                outcomes);
        sender.accept(mine);
        sender.accept(other);
        sender.accept(old);
        sender.keepChanges();
        sender.finish();
        report.record(outcomes.drain());
        Path target = report.finish();

        Map<Long, Map<String, String>> lines = report(target);
        assertThat(lines.get(2L)).containsEntry("outcome", "applied-earlier");
        assertThat(lines.get(3L)).containsEntry("outcome", "unchanged");
        assertThat(lines.get(4L)).containsEntry("outcome", "unchanged");
        report.close();
    }
}
