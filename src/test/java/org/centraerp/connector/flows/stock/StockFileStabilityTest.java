package org.centraerp.connector.flows.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.centraerp.connector.flows.stock.StockTestSupport.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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
 * When the stock route takes a file: only once it has not changed for {@code connector.stock.read-lock.stable-for}
 * (8 s here), so an ERP writing a file in pieces never has it cut; a file finished long ago and moved in is taken at
 * once; an empty file is handled instead of blocking the inbox.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:stock-file-stability;DB_CLOSE_DELAY=-1",
        "camel.main.routes-include-pattern=file:routes/import-erp-file.camel.yaml",
        "connector.stock.poll-delay=200",
        "connector.stock.read-lock.stable-for=8s"})
class StockFileStabilityTest {

    private static final Duration STABLE_FOR = Duration.ofSeconds(8);

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
    void aFileWrittenInPiecesTwoSecondsApartIsAppliedWhole() throws Exception {
        List<String> lines = List.of("SWEATER-RED-S;WH1;41", "SWEATER-RED-M;WH1;42", "SWEATER-RED-L;WH1;43",
                "SWEATER-BLUE-S;WH1;44", "SWEATER-BLUE-M;WH1;45");
        Files.createDirectories(stock.inbox());
        Path file = stock.inbox().resolve("slow.csv");
        Files.writeString(file, "sku;warehouse;quantity\n" + lines.get(0) + "\n", StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            Thread.sleep(2000); // the ERP writing its next piece: what the test is about, not a wait for a result
            assertThat(stock.files(".done", ".report.csv")).as("not taken while still being written").isEmpty();
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        }

        Map<Long, Map<String, String>> report = report(stock.awaitReports(1).get(0));

        assertThat(report).hasSize(5);
        assertThat(report.values()).allSatisfy(line -> assertThat(line.get("outcome")).isEqualTo("applied"));
        assertThat(stock.physicalStock()).containsEntry("SWEATER-RED-S@1", 41).containsEntry("SWEATER-BLUE-M@1", 45);
    }

    @Test
    void aFileFinishedLongAgoAndMovedInIsTakenWithoutWaitingTheStabilityTime() throws IOException {
        Path outside = Files.createDirectories(erpFolder.resolve("outbox-of-the-erp")).resolve("old.csv");
        Files.writeString(outside, "sku;warehouse;quantity\nCHAIR-OAK;WH1;9\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(outside, FileTime.from(Instant.now().minus(Duration.ofMinutes(1))));
        Files.createDirectories(stock.inbox());
        Instant dropped = Instant.now();

        Files.move(outside, stock.inbox().resolve("old.csv"), StandardCopyOption.ATOMIC_MOVE);

        await().atMost(STABLE_FOR.minusSeconds(1)).until(() -> !stock.files(".done", ".report.csv").isEmpty());
        assertThat(Duration.between(dropped, Instant.now())).isLessThan(STABLE_FOR);
        assertThat(stock.physicalStock()).containsEntry("CHAIR-OAK@1", 9);
    }

    @Test
    void anEmptyFileIsRefusedSayingSoBecauseTheMappingWantsAHeaderAndTheNextFileIsNotHeldUp() throws IOException {
        Files.createDirectories(stock.inbox());
        Path empty = stock.inbox().resolve("empty.csv");
        Files.write(empty, new byte[0]);
        Files.setLastModifiedTime(empty, FileTime.from(Instant.now().minus(Duration.ofMinutes(2))));
        Path next = stock.inbox().resolve("next.csv");
        Files.writeString(next, "sku;warehouse;quantity\nCHAIR-OAK;WH2;8\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(next, FileTime.from(Instant.now().minus(Duration.ofMinutes(1))));

        List<Path> errors = stock.awaitErrors(1);
        stock.awaitReports(1);

        assertThat(errors.get(0).getFileName().toString()).isEqualTo("empty.csv.error.txt");
        assertThat(Files.readString(errors.get(0))).contains("the file is empty").contains("'sku'");
        assertThat(stock.inbox().resolve(".error/empty.csv")).exists();
        assertThat(stock.physicalStock()).containsEntry("CHAIR-OAK@2", 8);
    }
}
