package org.centraerp.connector.flows.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.centraerp.connector.centra.CentraUnavailableException;
import org.centraerp.connector.state.SentValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Route template import-erp-file as the stock flow uses it, tested on its step ids: a failure in the send step is
 * recorded before anything is marked handled and leaves the file to be read again; the report step's output is
 * watched with a mock endpoint and exchanges with {@link NotifyBuilder}, not by polling folders.
 */
@CamelSpringBootTest
@UseAdviceWith
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:import-erp-file-route;DB_CLOSE_DELAY=-1",
        "camel.main.routes-include-pattern=file:routes/import-erp-file.camel.yaml",
        "connector.stock.poll-delay=200"})
class ImportErpFileRouteTest {

    @TempDir
    static Path erpFolder;

    @DynamicPropertySource
    static void erpFolder(DynamicPropertyRegistry registry) {
        registry.add("connector.erp.folder", erpFolder::toString);
    }

    @Autowired
    CamelContext camel;

    @Autowired
    MeterRegistry meters;

    @Autowired
    SentValues sentValues;

    @LocalServerPort
    int port;

    @Test
    void aFailedSendIsRecordedAndTheFileIsReadAgainThenReported() throws Exception {
        AtomicBoolean centraDown = new AtomicBoolean(true);
        AdviceWith.adviceWith(camel, "import-stock-file", route -> {
            route.weaveById("send-full-batches").before().process(exchange -> {
                if (centraDown.getAndSet(false)) {
                    throw CentraUnavailableException.unreachable("http://centra.test", "503 (test)", null);
                }
            });
            route.weaveById("write-report").after().to("mock:reports");
        });
        MockEndpoint reports = camel.getEndpoint("mock:reports", MockEndpoint.class);
        reports.expectedMessageCount(1);
        reports.expectedHeaderReceived(Exchange.FILE_NAME, ".done/stock.csv.report.csv");
        NotifyBuilder failedOnceThenDone = new NotifyBuilder(camel).fromRoute("import-stock-file").whenFailed(1)
                .and().whenCompleted(1).create();
        camel.start();
        sentValues.forgetAll(AbsoluteStockSender.FLOW);
        StockTestSupport stock = new StockTestSupport(erpFolder.resolve("in/stock"), "http://127.0.0.1:" + port);
        stock.resetSandbox();

        stock.drop("stock.csv", StockTestSupport.csv("sku;warehouse;quantity", "SWEATER-RED-S;WH1;33"));

        assertThat(failedOnceThenDone.matches(60, TimeUnit.SECONDS)).as("failed once, then done").isTrue();
        reports.assertIsSatisfied(30_000);
        assertThat(meters.counter("connector.stock.files", "outcome", "failed").count()).isEqualTo(1.0);
        assertThat(stock.physicalStock()).containsEntry("SWEATER-RED-S@1", 33);
        Path report = erpFolder.resolve("in/stock/.done/stock.csv.report.csv");
        assertThat(report).exists();
        Map<Long, Map<String, String>> lines = StockTestSupport.report(report);
        assertThat(lines.get(2L)).containsEntry("outcome", "applied");
        assertThat(Files.list(erpFolder.resolve("in/stock/.done"))).noneMatch(p -> p.toString().endsWith(".tmp"));
    }
}
