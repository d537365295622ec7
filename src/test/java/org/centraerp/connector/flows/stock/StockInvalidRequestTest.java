package org.centraerp.connector.flows.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.centraerp.connector.mapping.StockMapping.ProductKey;
import org.centraerp.connector.state.SentValues;
import org.centraerp.connector.state.StateDatabase;
import org.centraerp.connector.state.StateSchema;
import org.centraerp.connector.state.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A setStock call Centra refuses as invalid GraphQL (errors, no data: a value it cannot take) is no passing fault:
 * it is never sent again whole; the batch is split until the refused line stands alone, that line is reported
 * refused, and every other line is applied.
 */
class StockInvalidRequestTest {

    private final TestDatabase database = new TestDatabase.H2();
    private SentValues sentValues;

    @BeforeEach
    void state() {
        var dataSource = database.open();
        StateSchema.migrate(dataSource);
        sentValues = new SentValues(new StateDatabase(dataSource));
    }

    @AfterEach
    void close() throws Exception {
        database.close();
    }

    @Test
    void theRefusedLineIsReportedAndTheOthersAreApplied() throws Exception {
        try (FakeSetStockCentra centra = new FakeSetStockCentra(1, Set.of("SKU-5"))) {
            StockOutcomes outcomes = new StockOutcomes();
            AbsoluteStockSender sender = new AbsoluteStockSender(centra.client(), sentValues, 500, ProductKey.SKU,
                    "test", "pass-1", outcomes);
            for (int i = 0; i < 8; i++) {
                sender.accept(new StockLine(i + 2, "SKU-" + i, "WH1", 1, 10 + i));
            }
            sender.keepChanges();
            sender.finish();

            Map<String, StockOutcomes.Entry> byKey = outcomes.drain().stream()
                    .collect(Collectors.toMap(StockOutcomes.Entry::key, e -> e));
            assertThat(byKey).hasSize(8);
            assertThat(byKey.get("SKU-5").outcome()).isEqualTo(StockReport.Outcome.REFUSED);
            assertThat(byKey.get("SKU-5").reason()).contains("invalid").contains("got invalid value");
            assertThat(byKey.values().stream().filter(e -> !e.key().equals("SKU-5")))
                    .allMatch(e -> e.outcome() == StockReport.Outcome.APPLIED);
            assertThat(centra.applied).hasSize(7).doesNotContain("SKU-5");
            assertThat(centra.calls).as("8, its halves, the refused half's left pair, its lines, then the right pair: never the same call twice")
                    .containsExactly(8, 4, 4, 2, 1, 1, 2);
        }
    }
}
