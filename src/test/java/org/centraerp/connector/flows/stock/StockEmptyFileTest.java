package org.centraerp.connector.flows.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.centraerp.connector.flows.stock.StockTestSupport.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A mapping without a header line: an empty stock file goes to .done with a report saying it was empty. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:stock-empty-file;DB_CLOSE_DELAY=-1",
        "camel.main.routes-include-pattern=file:routes/import-erp-file.camel.yaml",
        "connector.stock.poll-delay=200",
        "connector.customer=noheader"})
class StockEmptyFileTest {

    @TempDir
    static Path erpFolder;

    @TempDir
    static Path mappings;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        registry.add("connector.erp.folder", erpFolder::toString);
        registry.add("connector.mappings-dir", () -> headerlessMappings(mappings).toString());
    }

    @LocalServerPort
    int port;

    @Test
    void anEmptyFileGoesToDoneWithAReportSayingItWasEmpty() throws IOException {
        StockTestSupport stock = new StockTestSupport(erpFolder.resolve("in/stock"), "http://127.0.0.1:" + port);
        stock.drop("empty.csv", new byte[0]);

        Path reportFile = stock.awaitReports(1).get(0);

        assertThat(stock.inbox().resolve(".done/empty.csv")).exists();
        Map<Long, Map<String, String>> lines = report(reportFile);
        assertThat(lines).containsOnlyKeys(0L);
        assertThat(lines.get(0L)).containsEntry("outcome", "empty");
        assertThat(lines.get(0L).get("reason")).contains("the file was empty (0 bytes)");
    }

    /** The default mappings as customer "noheader", whose stock files have no header line. */
    private static Path headerlessMappings(Path folder) {
        try {
            Path customer = Files.createDirectories(folder.resolve("noheader"));
            try (Stream<Path> files = Files.list(Path.of("mappings/default"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                    Files.copy(file, customer.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Path stockMapping = customer.resolve("stock.yaml");
            String text = Files.readString(stockMapping);
            if (!text.contains("  header: true")) {
                throw new IllegalStateException("mappings/default/stock.yaml has no 'header: true' line to turn");
            }
            Files.writeString(stockMapping, text.replace("  header: true", "  header: false"));
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
