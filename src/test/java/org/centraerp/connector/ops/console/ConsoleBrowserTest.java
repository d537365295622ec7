package org.centraerp.connector.ops.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.centraerp.connector.testsupport.ConnectorProcess;
import org.centraerp.connector.testsupport.InboxReports;
import org.centraerp.connector.testsupport.SandboxOrders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.util.FileSystemUtils;

/**
 * The console in a real browser (headless chromium): log in, see the flows, find a stock file's bad line in its
 * report, find an order whose mapping failed in the dead letters, fix the mapping (a restart reads it), replay the
 * order and see its file appear and the dead letter marked replayed. This JVM is Centra (the sandbox); the
 * connector runs in a child JVM so it can be restarted without losing the sandbox's orders. Screenshots of each
 * page go to target/console-screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:console-browser-sandbox;DB_CLOSE_DELAY=-1",
        "camel.main.auto-startup=false",
        "connector.sandbox.rate-limit-tier=NONE"})
class ConsoleBrowserTest {

    static final String PENDING_LOOKUP = "    PENDING: NEW\n";

    @LocalServerPort
    int sandboxPort;

    @Autowired
    TestRestTemplate http;

    /** Kept after the run (connector logs, ERP folder) for a look when the test fails. */
    final Path temp = Path.of("target", "console-browser");

    @BeforeEach
    void freshStoreAndFolder() throws IOException {
        http.postForEntity("/sandbox/admin/reset", null, String.class);
        FileSystemUtils.deleteRecursively(temp);
        Files.createDirectories(temp);
    }

    @Test
    void operatorFindsBadStockLineAndReplaysAnOrderAfterAMappingFix() throws Exception {
        Path work = temp.resolve("work");
        Path mappings = work.resolve("mappings");
        FileSystemUtils.copyRecursively(Path.of("mappings"), mappings);
        Path lookups = mappings.resolve("default/orders-lookups.yaml");
        String fixedLookups = Files.readString(lookups, StandardCharsets.UTF_8);
        assertThat(fixedLookups).contains(PENDING_LOOKUP);
        Files.writeString(lookups, fixedLookups.replace(PENDING_LOOKUP, ""), StandardCharsets.UTF_8);
        int port = freePort();
        List<String> arguments = arguments(work, mappings, port);

        long number;
        try (ConnectorProcess first = ConnectorProcess.start("console-1", temp.resolve("connector.log"), arguments);
             Browser browser = new Browser("http://127.0.0.1:" + port, temp.resolve("chromium-profile"))) {
            awaitStarted(first);
            browser.open("/console/flows");
            assertThat(browser.url()).as("anonymous: to the login page").endsWith("/console/login");
            browser.screenshot("login");
            browser.logIn("olga", "olga-pw");
            assertThat(browser.url()).contains("/console/flows");
            assertThat(browser.text("#flow-import-stock-file")).contains("import-stock-file").contains("on");
            assertThat(browser.text("#flow-export-orders")).contains("orders due");
            browser.screenshot("flows");

            // A stock file with one good and one bad line.
            Path inbox = work.resolve("erp/in/stock");
            Files.createDirectories(inbox);
            Files.writeString(inbox.resolve("stock-console.csv.tmp"),
                    "sku;warehouse;quantity\nSWEATER-RED-S;WH1;25\nSWEATER-RED-M;WH9;3\n", StandardCharsets.UTF_8);
            Files.move(inbox.resolve("stock-console.csv.tmp"), inbox.resolve("stock-console.csv"));
            await().atMost(Duration.ofSeconds(60)).until(() -> !InboxReports.of(inbox).isEmpty());
            browser.open("/console/files");
            assertThat(browser.text("#inbox-stock")).contains("stock-console.csv");
            browser.screenshot("files");
            browser.click("#inbox-stock a[href*='stock-console.csv']");
            browser.click("#outcome-invalid");
            String report = browser.text("#report");
            assertThat(report).contains("SWEATER-RED-M").contains("WH9").doesNotContain("SWEATER-RED-S");
            browser.screenshot("file-report");

            // An order the broken mapping cannot map goes to the dead letters.
            number = SandboxOrders.placeOne(http);
            browser.open("/console/dead-letters");
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                browser.refresh();
                return browser.page().contains("centra order " + number);
            });
            assertThat(browser.text("#dead-letters")).contains("'PENDING' is not in lookup table 'order-statuses'");
            browser.screenshot("dead-letters");
            first.kill();
        }

        // The fix: the lookup is back; mappings are read at start.
        Files.writeString(lookups, fixedLookups, StandardCharsets.UTF_8);
        Path orderFile = work.resolve("erp/out/orders/order-" + number + "-1.json");
        assertThat(orderFile).doesNotExist();
        try (ConnectorProcess second = ConnectorProcess.start("console-2", temp.resolve("connector-2.log"), arguments);
             Browser browser = new Browser("http://127.0.0.1:" + port, temp.resolve("chromium-profile-2"))) {
            awaitStarted(second);
            browser.logIn("olga", "olga-pw");
            browser.open("/console/dead-letters");
            browser.click("#dead-letters a");
            assertThat(browser.text("#letter-key")).isEqualTo(Long.toString(number));
            assertThat(browser.text("#letter-state")).isEqualTo("open");
            browser.screenshot("dead-letter");
            browser.click("#replay");
            assertThat(browser.text("#message")).contains("replayed");
            assertThat(browser.text("#letter-state")).isEqualTo("replayed");
            assertThat(browser.text("#history")).contains("olga").contains("replay");
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(orderFile));

            browser.open("/console/orders");
            browser.find("#order-number").sendKeys(Long.toString(number));
            browser.click("#find-order");
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                browser.refresh();
                return browser.text("#exports").contains(orderFile.getFileName().toString());
            });
            assertThat(browser.text("#order")).contains("replayed").contains("WRITTEN");
            // Each source that told us: the poll or webhook that brought the order, and the console's replay.
            assertThat(browser.text("#told")).contains("console-replay");
            assertThat(browser.find("#told").findElements(org.openqa.selenium.By.cssSelector("tbody tr"))).hasSizeGreaterThan(1);
            browser.screenshot("orders");

            browser.open("/console/reconciliation");
            browser.click("#run-stock");
            assertThat(browser.text("#message")).contains("Reconciliation of stock: 0 differences");
            assertThat(browser.text("#stock")).contains("0 differ").contains("1 checked");
            browser.screenshot("reconciliation");

            browser.open("/console/centra");
            assertThat(browser.text("#flow-permissions")).contains("export-orders").contains("has them");
            assertThat(browser.text("#buckets")).contains("REQUEST_COUNT");
            browser.screenshot("centra");
            second.kill();
        }
    }

    /** The connector against this JVM's sandbox: stock and order routes, the test's mappings, one operator. */
    private List<String> arguments(Path work, Path mappings, int port) {
        List<String> arguments = ConnectorProcess.fileRouteArguments(sandboxPort, work,
                "import-erp-file.camel.yaml,file:routes/export-orders.camel.yaml");
        arguments.replaceAll(a -> a.startsWith("--server.port=") ? "--server.port=" + port : a);
        arguments.addAll(List.of(
                "--connector.mappings-dir=" + mappings.toAbsolutePath(),
                "--connector.console.users=olga:operator:" + new BCryptPasswordEncoder(4).encode("olga-pw"),
                "--connector.console.freshness.expected.import-stock-file=1h",
                "--connector.orders.work-interval=200ms",
                "--connector.orders.poll.schedule=0/2 * * * * ?",
                "--connector.orders.poll.initial-lookback=1h"));
        return arguments;
    }

    static void awaitStarted(ConnectorProcess connector) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300)).until(connector::started);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
