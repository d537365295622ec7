package org.centraerp.connector.flows.stock;

import java.nio.file.Path;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.centraerp.connector.state.SentValues;
import org.centraerp.connector.state.StateDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The stock route against a sandbox that answers 10% of requests with 5xx, 10% with 429 and holds 10% past the
 * client's (short) timeout. One size per call, so that a file of 14 lines takes 14 calls and meets faults.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camel.main.routes-include-pattern=file:routes/import-erp-file.camel.yaml",
        "connector.stock.poll-delay=200",
        "connector.stock.batch-size=1",
        "connector.centra.timeout=1s",
        "connector.centra.retry.max-attempts=12",
        "connector.centra.retry.initial-backoff=20ms",
        "connector.centra.retry.max-backoff=200ms",
        "connector.sandbox.timeout-hold=1500ms",
        // A file whose reading failed is read again soon: these tests are about exactly once, not the back-off.
        "connector.flows.retry.initial-backoff=200ms",
        "connector.flows.retry.max-backoff=1s"})
abstract class StockFaultsTestSupport {

    static final String FAULTS = "{\"faultRates\": {\"serverError\": 0.1, \"rateLimited\": 0.1, \"timeout\": 0.1}}";
    static final String NO_FAULTS = "{\"faultRates\": {\"serverError\": 0, \"rateLimited\": 0, \"timeout\": 0}}";

    @TempDir
    static Path erpFolder;

    @DynamicPropertySource
    static void erpFolder(DynamicPropertyRegistry registry) {
        registry.add("connector.erp.folder", erpFolder::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    SentValues sentValues;

    @Autowired
    StateDatabase state;

    @Autowired
    MeterRegistry meters;

    StockTestSupport stock;

    @BeforeEach
    void freshStoreAndInbox() {
        stock = new StockTestSupport(erpFolder.resolve("in/stock"), "http://127.0.0.1:" + port);
        stock.clearInbox();
        stock.resetSandbox();
        sentValues.forgetAll(AbsoluteStockSender.FLOW);
        state.jdbc().update("DELETE FROM connector_idempotency_key WHERE flow = ?", DeltaStockSender.FLOW);
    }

    /** Calls that met a fault: retried ones, and mutations given up with their outcome unknown. */
    double faultsMet() {
        return meters.find("connector.centra.retries").counters().stream().mapToDouble(Counter::count).sum()
                + meters.find("connector.centra.requests").tag("outcome", "unavailable").timers().stream()
                        .mapToLong(Timer::count).sum();
    }

    @AfterEach
    void noFaults() {
        stock.knobs(NO_FAULTS);
    }
}
