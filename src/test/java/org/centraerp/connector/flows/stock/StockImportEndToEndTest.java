package org.centraerp.connector.flows.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.centraerp.connector.flows.stock.StockTestSupport.csv;
import static org.centraerp.connector.flows.stock.StockTestSupport.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.centraerp.connector.state.SentValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Route {@code import-stock-file} on embedded defaults against the built-in sandbox: files dropped in the inbox
 * end up as Centra stock, read back through the sandbox's GraphQL API, with a report per file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:stock-end-to-end;DB_CLOSE_DELAY=-1",
        "camel.main.routes-include-pattern=file:routes/import-erp-file.camel.yaml",
        "connector.stock.poll-delay=200",
        // exactly a warehouse's lines in the sample: a batch fills up, and the few changed lines of it must still
        // be sent when the file ends
        "connector.stock.batch-size=7"})
class StockImportEndToEndTest {

    @TempDir
    static Path erpFolder;

    @DynamicPropertySource
    static void erpFolder(DynamicPropertyRegistry registry) {
        registry.add("connector.erp.folder", erpFolder::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Autowired
    SentValues sentValues;

    StockTestSupport stock;

    @BeforeEach
    void freshStoreAndInbox() {
        stock = new StockTestSupport(erpFolder.resolve("in/stock"), "http://127.0.0.1:" + port);
        stock.clearInbox();
        stock.resetSandbox();
        sentValues.forgetAll(AbsoluteStockSender.FLOW);
    }

    @Test
    void sampleFileLandsInCentraAndMovesToDoneWithAReport() {
        stock.drop("stock.csv", StockTestSupport.sampleFile());

        Path reportFile = stock.awaitReports(1).get(0);

        assertThat(reportFile.getFileName().toString()).isEqualTo("stock.csv.report.csv");
        assertThat(stock.inbox().resolve(".done/stock.csv")).exists();
        assertThat(stock.physicalStock()).containsAllEntriesOf(Map.of(
                "SWEATER-RED-S@1", 12, "SWEATER-RED-S@2", 3, "SWEATER-RED-M@1", 30, "SWEATER-BLUE-M@1", 0,
                "SWEATER-BLUE-L@2", 0, "CHAIR-OAK@1", 5, "CHAIR-OAK@2", 2));
        Map<Long, Map<String, String>> lines = report(reportFile);
        assertThat(lines).hasSize(14);
        assertThat(lines.values()).allSatisfy(line -> assertThat(line.get("outcome")).isEqualTo("applied"));
        assertThat(lines.get(2L)).containsEntry("key", "SWEATER-RED-S").containsEntry("warehouse", "WH1")
                .containsEntry("quantity", "12");
    }

    @Test
    void reDropOfAnUnchangedFileSendsNothing() {
        stock.drop("stock.csv", StockTestSupport.sampleFile());
        stock.awaitReports(1);
        long setStockCalls = StockTestSupport.calls(meters, "setStock");

        stock.drop("stock.csv", StockTestSupport.sampleFile());
        List<Path> reports = stock.awaitReports(2);

        assertThat(StockTestSupport.calls(meters, "setStock")).isEqualTo(setStockCalls);
        assertThat(report(reports.get(1)).values())
                .hasSize(14).allSatisfy(line -> assertThat(line.get("outcome")).isEqualTo("unchanged"));
        assertThat(stock.files(".done", ".csv").stream().filter(p -> !p.toString().endsWith(".report.csv")))
                .as("both files archived, none overwritten").hasSize(2);
    }

    @Test
    void onlyChangedLinesAreSentInOneCallPerWarehouse() {
        stock.drop("stock.csv", StockTestSupport.sampleFile());
        stock.awaitReports(1);
        long setStockCalls = StockTestSupport.calls(meters, "setStock");

        stock.drop("stock-2.csv", StockTestSupport.sampleFile().replace("SWEATER-RED-M;WH1;30", "SWEATER-RED-M;WH1;29")
                .replace("CHAIR-OAK;WH2;2", "CHAIR-OAK;WH2;7"));
        Map<Long, Map<String, String>> lines = report(stock.awaitReports(2).get(1));

        assertThat(StockTestSupport.calls(meters, "setStock") - setStockCalls).isEqualTo(2);
        assertThat(lines.values().stream().filter(l -> l.get("outcome").equals("applied")).map(l -> l.get("key")))
                .containsExactlyInAnyOrder("SWEATER-RED-M", "CHAIR-OAK");
        assertThat(stock.physicalStock()).containsEntry("SWEATER-RED-M@1", 29).containsEntry("CHAIR-OAK@2", 7);
    }

    @Test
    void badLinesAreReportedAndTheOthersApplied() {
        stock.drop("bad-lines.csv", csv(
                "sku;warehouse;quantity",
                "SWEATER-RED-S;WH1;21",
                "NO-SUCH-SKU;WH1;4",
                "SWEATER-RED-M;WH9;5",
                "SWEATER-RED-L;WH1;abc",
                "SWEATER-BLUE-S;WH1;-3",
                "SWEATER-BLUE-M;WH1;22",
                "SWEATER-BLUE-L;WH2;23"));

        Map<Long, Map<String, String>> lines = report(stock.awaitReports(1).get(0));

        assertThat(stock.physicalStock()).containsEntry("SWEATER-RED-S@1", 21).containsEntry("SWEATER-BLUE-M@1", 22)
                .containsEntry("SWEATER-BLUE-L@2", 23)
                .containsEntry("SWEATER-RED-L@1", 10).containsEntry("SWEATER-BLUE-S@1", 10);
        assertThat(lines.get(2L)).containsEntry("outcome", "applied");
        assertThat(lines.get(3L)).containsEntry("outcome", "refused").containsEntry("key", "NO-SUCH-SKU");
        assertThat(lines.get(3L).get("reason")).contains("NO-SUCH-SKU").contains("does not exist");
        assertThat(lines.get(4L)).containsEntry("outcome", "invalid").containsEntry("warehouse", "WH9");
        assertThat(lines.get(4L).get("reason")).startsWith("bad-lines.csv line 4: ").contains("'WH9'")
                .contains("centra-warehouse-ids");
        assertThat(lines.get(5L)).containsEntry("outcome", "invalid");
        assertThat(lines.get(5L).get("reason")).contains("field quantity").contains("'abc'");
        assertThat(lines.get(6L)).containsEntry("outcome", "invalid");
        assertThat(lines.get(6L).get("reason")).contains("negative");
        assertThat(lines.get(7L)).containsEntry("outcome", "applied");
        assertThat(lines.get(8L)).containsEntry("outcome", "applied");
        assertThat(meters.counter("connector.stock.lines", "outcome", "refused").count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void reportNamesThePhysicalLineAfterBlankLinesAndQuotedLineBreaks() {
        stock.drop("lines.csv", org.centraerp.connector.erp.PhysicalLinesTest.STOCK);

        Map<Long, Map<String, String>> lines = report(stock.awaitReports(1).get(0));

        assertThat(lines.keySet()).containsExactlyInAnyOrder(2L, 4L, 7L, 8L);
        assertThat(lines.get(7L)).containsEntry("outcome", "invalid").containsEntry("key", "SWEATER-RED-L");
        assertThat(lines.get(7L).get("reason")).startsWith("lines.csv line 7: ").contains("'abc'");
        assertThat(lines.get(4L)).containsEntry("outcome", "applied").containsEntry("key", "SWEATER-RED-M");
    }

    @Test
    void fileWithAWrongHeaderGoesToErrorWithTheReasonAndSendsNothing() throws Exception {
        long setStockCalls = StockTestSupport.calls(meters, "setStock");
        stock.drop("wrong-header.csv", csv("article;store;qty", "SWEATER-RED-S;WH1;99"));

        Path errorText = stock.awaitErrors(1).get(0);

        assertThat(errorText.getFileName().toString()).isEqualTo("wrong-header.csv.error.txt");
        assertThat(stock.inbox().resolve(".error/wrong-header.csv")).exists();
        assertThat(Files.readString(errorText)).contains("no column 'sku', 'warehouse', 'quantity'")
                .contains("article;store;qty").contains("mappings/default/stock.yaml");
        assertThat(StockTestSupport.calls(meters, "setStock")).isEqualTo(setStockCalls);
        assertThat(stock.physicalStock()).containsEntry("SWEATER-RED-S@1", 10);
    }

    @Test
    void fileInAnotherCharsetIsRefusedWholeEvenAfterGoodLines() throws Exception {
        String text = csv("sku;warehouse;quantity", "SWEATER-RED-S;WH1;31", "SWEATER-RED-M;WH1;32 är");
        stock.drop("latin1.csv", text.getBytes(StandardCharsets.ISO_8859_1));

        Path errorText = stock.awaitErrors(1).get(0);

        assertThat(Files.readString(errorText)).contains("not valid UTF-8").contains("csv.charset");
        assertThat(stock.physicalStock()).as("not even the good first line").containsEntry("SWEATER-RED-S@1", 10);
    }
}
