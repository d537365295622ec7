package org.centraerp.connector.flows.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.centraerp.connector.flows.stock.StockTestSupport.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@code connector.stock.done-marker}: {@code stock.csv} is taken only once {@code stock.csv.done} is there. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:stock-done-marker;DB_CLOSE_DELAY=-1",
        "camel.main.routes-include-pattern=file:routes/import-erp-file.camel.yaml",
        "connector.stock.poll-delay=200",
        "connector.stock.done-marker=$simple{file:name}.done"})
class StockDoneMarkerTest {

    @TempDir
    static Path erpFolder;

    @DynamicPropertySource
    static void erpFolder(DynamicPropertyRegistry registry) {
        registry.add("connector.erp.folder", erpFolder::toString);
    }

    @LocalServerPort
    int port;

    @Test
    void aFileWaitsForItsDoneMarkerWhichIsDeletedAfter() throws Exception {
        StockTestSupport stock = new StockTestSupport(erpFolder.resolve("in/stock"), "http://127.0.0.1:" + port);
        stock.resetSandbox();
        Path file = stock.drop("stock.csv", "sku;warehouse;quantity\nCHAIR-OAK;WH1;17\n");

        // the file is complete and stable, but without its marker it stays (several polls of 200 ms)
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> Files.exists(file) && stock.files(".done", ".report.csv").isEmpty());

        Files.writeString(stock.inbox().resolve("stock.csv.done"), "", StandardCharsets.UTF_8);

        Path reportFile = stock.awaitReports(1).get(0);
        assertThat(report(reportFile).get(2L)).containsEntry("outcome", "applied");
        assertThat(stock.inbox().resolve("stock.csv.done")).doesNotExist();
        assertThat(stock.physicalStock()).containsEntry("CHAIR-OAK@1", 17);
    }
}
