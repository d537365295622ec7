package org.centraerp.connector.flows.stock;

import org.centraerp.connector.testsupport.ConnectorProcess;
import org.centraerp.connector.testsupport.SftpServer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * kill -9 of the connector in the middle of a file. The sandbox runs in this JVM (50 ms latency per request), the
 * connector in a child JVM with its state in an H2 file; the child is killed while the file is half sent, started
 * again, and Centra must end exactly as if nothing had happened: the file's levels (absolute), every movement
 * applied once (delta).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:stock-crash-sandbox;DB_CLOSE_DELAY=-1",
        "camel.main.routes-include-pattern=classpath:no-routes/*.camel.yaml",
        "connector.sandbox.rate-limit-tier=NONE"})
class StockCrashRecoveryTest {

    /** Each of the 14 sizes × warehouses ten times: one call per line, long enough to be killed in the middle. */
    private static final int ROUNDS = 10;

    @TempDir
    Path work;

    @LocalServerPort
    int port;

    StockTestSupport stock;

    @BeforeEach
    void sandboxWithLatency() {
        stock = new StockTestSupport(work.resolve("erp/in/stock"), "http://127.0.0.1:" + port);
        stock.resetSandbox();
        stock.knobs("{\"latencyMs\": 50}");
    }

    @Test
    void absoluteLevelsAreRightAfterAKillInTheMiddleOfAFile() throws Exception {
        StringBuilder file = new StringBuilder("sku;warehouse;quantity\n");
        Map<String, Integer> expected = new HashMap<>();
        for (int round = 1; round <= ROUNDS; round++) {
            for (String sku : StockTestSupport.SAMPLE_SKUS) {
                for (int warehouse = 1; warehouse <= 2; warehouse++) {
                    int quantity = round * 3 + warehouse;
                    file.append(sku).append(";WH").append(warehouse).append(';').append(quantity).append('\n');
                    expected.put(sku + "@" + warehouse, quantity);
                }
            }
        }

        runKillRestart("default", file.toString());

        assertThat(stock.physicalStock()).containsAllEntriesOf(expected);
    }

    @Test
    void absoluteLevelsAreRightAfterAKillInTheMiddleOfAFileOnAnSftpInbox() throws Exception {
        StringBuilder file = new StringBuilder("sku;warehouse;quantity\n");
        Map<String, Integer> expected = new HashMap<>();
        for (int round = 1; round <= ROUNDS; round++) {
            for (String sku : StockTestSupport.SAMPLE_SKUS) {
                for (int warehouse = 1; warehouse <= 2; warehouse++) {
                    int quantity = round * 5 + warehouse;
                    file.append(sku).append(";WH").append(warehouse).append(';').append(quantity).append('\n');
                    expected.put(sku + "@" + warehouse, quantity);
                }
            }
        }
        try (SftpServer sftp = new SftpServer(work.resolve("sftp")).start()) {
            Files.createDirectories(sftp.root().resolve("in/stock"));
            StockTestSupport inbox = new StockTestSupport(sftp.root().resolve("in/stock"),
                    "http://127.0.0.1:" + port);

            runKillRestart("default", file.toString(), inbox, List.of("--connector.stock.inbox="
                    + sftp.passwordUri("in/stock") + "&throwExceptionOnConnectFailed=true"));

            assertThat(inbox.files(".done", ".report.csv")).as("one report, beside the file on the server")
                    .hasSize(1);
        }
        assertThat(stock.physicalStock()).containsAllEntriesOf(expected);
    }

    @Test
    void movementsAreAppliedExactlyOnceAfterAKillInTheMiddleOfAFile() throws Exception {
        Map<String, Integer> expected = new HashMap<>(stock.physicalStock());
        StringBuilder file = new StringBuilder("sku;warehouse;quantity\n");
        for (int round = 1; round <= ROUNDS; round++) {
            for (String sku : StockTestSupport.SAMPLE_SKUS) {
                for (int warehouse = 1; warehouse <= 2; warehouse++) {
                    int movement = round % 2 == 1 ? 2 : -1; // never more out than there is
                    file.append(sku).append(";WH").append(warehouse).append(';').append(movement).append('\n');
                    expected.merge(sku + "@" + warehouse, movement, Integer::sum);
                }
            }
        }

        runKillRestart("delta", file.toString());

        assertThat(stock.physicalStock()).containsAllEntriesOf(expected);
        List<String> comments = stock.stockChangeComments().stream().filter(c -> c.contains("[stock-")).toList();
        assertThat(comments).as("one stock change per line, none twice").doesNotHaveDuplicates()
                .hasSize(ROUNDS * StockTestSupport.SAMPLE_SKUS.size() * 2);
    }

    /** Drops the file, kills the connector once a third of it is in Centra, restarts it and waits for the report. */
    private void runKillRestart(String customer, String content) throws Exception {
        runKillRestart(customer, content, stock, List.of());
    }

    private void runKillRestart(String customer, String content, StockTestSupport stock, List<String> extra)
            throws Exception {
        int lines = ROUNDS * StockTestSupport.SAMPLE_SKUS.size() * 2;
        Path log = Path.of("target", "stock-crash-" + customer + ".log");
        Files.deleteIfExists(log);
        List<String> arguments = childArguments(customer);
        arguments.addAll(extra);
        try (ConnectorProcess first = ConnectorProcess.start("first", log, arguments)) {
            stock.drop("stock.csv", content);
            await().atMost(Duration.ofSeconds(120)).until(() -> !first.isAlive() || sentByConnector() >= lines / 3);
            assertThat(first.isAlive()).as("the connector runs (see " + log + ")").isTrue();
            first.kill();
        }
        int sentBeforeKill = sentByConnector();
        assertThat(sentBeforeKill).as("killed in the middle of the file").isLessThan(lines);
        assertThat(stock.waiting()).as("the file is still in the inbox").hasSize(1);

        try (ConnectorProcess second = ConnectorProcess.start("second", log, arguments)) {
            List<Path> reports = stock.awaitReports(1);
            assertThat(StockTestSupport.report(reports.get(0))).hasSize(lines);
        }
    }

    private List<String> childArguments(String customer) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=jdbc:h2:file:" + work.resolve("state/connector").toAbsolutePath()
                        + ";AUTO_SERVER=TRUE;WRITE_DELAY=0",
                "--connector.erp.folder=" + work.resolve("erp").toAbsolutePath(),
                "--connector.centra.url=" + centraUrl(),
                "--connector.centra.token=" + StockTestSupport.DEMO_TOKEN,
                "--server.port=0",
                "--camel.main.routes-include-pattern=file:routes/import-erp-file.camel.yaml",
                "--connector.stock.batch-size=1",
                "--connector.stock.poll-delay=200",
                "--connector.centra.rate-limit.mutations-per-10s=0",
                "--connector.centra.rate-limit.requests-per-10s=0",
                // the killed instance's read lock is an orphan after this long
                "--connector.state.read-lock.lock-max-age=3s",
                "--connector.state.read-lock.keep-alive=1s"));
        if (!customer.equals("default")) {
            arguments.add("--connector.mappings-dir="
                    + StockTestSupport.deltaMappings(work.resolve("mappings")).toAbsolutePath());
            arguments.add("--connector.customer=" + customer);
        }
        return arguments;
    }

    /** Stock changes the connector left in the sandbox: one per call, absolute or delta. */
    private int sentByConnector() {
        return stock.graphql("{ stockChangeConnection(where: {comment: {contains: \"ERP stock file\"}}) "
                + "{ totalCount } }").path("data").path("stockChangeConnection").path("totalCount").asInt();
    }

    private String centraUrl() {
        return "http://127.0.0.1:" + port + "/sandbox/graphql";
    }
}
