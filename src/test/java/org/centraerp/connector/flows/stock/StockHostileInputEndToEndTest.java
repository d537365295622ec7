package org.centraerp.connector.flows.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.centraerp.connector.flows.stock.StockTestSupport.csv;
import static org.centraerp.connector.flows.stock.StockTestSupport.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.centraerp.connector.mapping.Quoting;
import org.centraerp.connector.state.SentValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Stock files a careless ERP (or an attacker) could write, through the whole route: numbers that would cost minutes
 * of CPU or overflow Centra's types, and lines or headers of megabytes. Each bad value is reported on its own line
 * quickly and the other lines are applied; nothing quotes more than {@value Quoting#MAX_QUOTE} characters of ERP
 * text in the log, the report or the error file.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:stock-hostile-input;DB_CLOSE_DELAY=-1",
        "camel.main.routes-include-pattern=file:routes/import-erp-file.camel.yaml",
        "connector.stock.poll-delay=200"})
class StockHostileInputEndToEndTest {

    /** More than any quote may hold: a quote of it is at most this long, with the note of its real length. */
    private static final int LONGEST_QUOTED_LINE = 1_000;
    private static final String HUGE = "9".repeat(5 * 1024 * 1024);

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

    StockTestSupport stock;

    @BeforeEach
    void freshStoreAndInbox() {
        stock = new StockTestSupport(erpFolder.resolve("in/stock"), "http://127.0.0.1:" + port);
        stock.clearInbox();
        stock.resetSandbox();
        sentValues.forgetAll(AbsoluteStockSender.FLOW);
    }

    @Test
    void numbersInScientificNotationOrBeyondCentrasIntAreInvalidOnTheirLineAndTheOthersApplied() {
        Instant dropped = Instant.now();
        stock.drop("numbers.csv", csv(
                "sku;warehouse;quantity",
                "SWEATER-RED-S;WH1;1e100000000",
                "SWEATER-RED-M;WH1;1e3",
                "SWEATER-RED-L;WH1;99999999999999999999",
                "SWEATER-BLUE-S;WH1;17"));

        Map<Long, Map<String, String>> lines = report(stock.awaitReports(1).get(0));

        assertThat(Duration.between(dropped, Instant.now())).as("no number may stall the inbox")
                .isLessThan(Duration.ofSeconds(30));
        assertThat(lines.get(2L)).containsEntry("outcome", "invalid");
        assertThat(lines.get(2L).get("reason")).startsWith("numbers.csv line 2: ").contains("'1e100000000'");
        assertThat(lines.get(3L)).containsEntry("outcome", "invalid");
        assertThat(lines.get(4L)).containsEntry("outcome", "invalid");
        assertThat(lines.get(5L)).containsEntry("outcome", "applied");
        assertThat(stock.physicalStock()).containsEntry("SWEATER-BLUE-S@1", 17)
                .as("the bad lines sent nothing").containsEntry("SWEATER-RED-S@1", 10)
                .containsEntry("SWEATER-RED-M@1", 10).containsEntry("SWEATER-RED-L@1", 10);
    }

    @Test
    void aValueOfFiveMegabytesIsQuotedShortInTheReportAndTheLog(CapturedOutput output) {
        stock.drop("huge-value.csv", csv("sku;warehouse;quantity", "SWEATER-RED-S;WH1;" + HUGE,
                "SWEATER-RED-M;WH1;23"));

        Path reportFile = stock.awaitReports(1).get(0);
        Map<Long, Map<String, String>> lines = report(reportFile);

        assertThat(lines.get(2L)).containsEntry("outcome", "invalid");
        assertThat(lines.get(2L).get("reason")).hasSizeLessThan(LONGEST_QUOTED_LINE).contains("characters in all");
        assertThat(lines.get(3L)).containsEntry("outcome", "applied");
        assertThat(stock.physicalStock()).containsEntry("SWEATER-RED-M@1", 23);
        assertNoLongLine(output);
    }

    @Test
    void aHeaderOfFiveMegabytesRefusesTheFileWithAShortReason(CapturedOutput output) throws Exception {
        stock.drop("huge-header.csv", csv("sku;warehouse;" + HUGE, "SWEATER-RED-S;WH1;31"));

        Path errorText = stock.awaitErrors(1).get(0);

        assertThat(stock.inbox().resolve(".error/huge-header.csv")).exists();
        String reason = Files.readString(errorText);
        assertThat(reason).hasSizeLessThan(2 * LONGEST_QUOTED_LINE).contains("characters in all");
        assertThat(stock.physicalStock()).containsEntry("SWEATER-RED-S@1", 10);
        assertNoLongLine(output);
    }

    /** No log line quotes more of the huge value than a quote may hold. */
    private static void assertNoLongLine(CapturedOutput output) {
        String tooLong = "9".repeat(Quoting.MAX_QUOTE + 1);
        assertThat(output.getAll().lines().filter(line -> line.contains(tooLong)).count())
                .as("log lines quoting more than %d characters of the value", Quoting.MAX_QUOTE).isZero();
    }
}
