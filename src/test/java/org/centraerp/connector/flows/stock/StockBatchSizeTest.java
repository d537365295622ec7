package org.centraerp.connector.flows.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.centraerp.connector.mapping.StockMapping.ProductKey;
import org.centraerp.connector.state.SentValues;
import org.centraerp.connector.state.StateDatabase;
import org.centraerp.connector.state.StateSchema;
import org.centraerp.connector.state.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * setStock batches are sized by Centra's complexity budget (Growth: 250,000 per 10 s for 20 mutations, so 12,500
 * per call), up to connector.stock.batch-size: cheap sizes give calls of the most, expensive ones smaller calls.
 */
class StockBatchSizeTest {

    private static final int LINES = 3000;

    private final TestDatabase database = new TestDatabase.H2();
    private SentValues sentValues;
    private final int most = new Binder().bindOrCreate("connector.stock", StockProperties.class).batchSize();

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
    void cheapSizesGiveCallsOfTheMostAfterTheFirst() throws Exception {
        try (FakeSetStockCentra centra = new FakeSetStockCentra(0.03, Set.of())) {
            send(centra);

            assertThat(most).as("the default most per call").isEqualTo(500);
            assertThat(centra.calls.get(0)).as("the first call learns the cost").isEqualTo(100);
            assertThat(centra.calls.subList(1, centra.calls.size() - 1)).isNotEmpty().allMatch(n -> n == most);
            assertThat(centra.applied).hasSize(LINES);
        }
    }

    @Test
    void expensiveSizesGiveSmallerCallsWithinTheirShareOfTheComplexityBucket() throws Exception {
        try (FakeSetStockCentra centra = new FakeSetStockCentra(50, Set.of())) {
            send(centra);

            // 12,500 complexity per call at 50 per size
            assertThat(centra.calls.subList(1, centra.calls.size() - 1)).isNotEmpty().allMatch(n -> n == 250);
            assertThat(centra.applied).hasSize(LINES);
        }
    }

    private void send(FakeSetStockCentra centra) {
        StockOutcomes outcomes = new StockOutcomes();
        AbsoluteStockSender sender = new AbsoluteStockSender(centra.client(), sentValues, most, ProductKey.SKU,
                "test", "pass-1", outcomes);
        for (int i = 0; i < LINES; i++) {
            sender.accept(new StockLine(i + 2, "SKU-" + i, "WH1", 1, i % 7));
        }
        sender.keepChanges();
        sender.sendFullBatches();
        sender.finish();
    }
}
