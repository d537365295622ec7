package org.centraerp.connector.flows.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.centraerp.connector.erp.ErpEndpointHealth;
import org.centraerp.connector.testsupport.SandboxOrders;
import org.centraerp.connector.testsupport.SftpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An ERP on an SFTP server, by configuration only: the stock inbox (password user) and the orders outbox (key
 * user) are sftp: endpoints on a real SFTP server on 127.0.0.1, host key checked against a known_hosts file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:erp-on-sftp;DB_CLOSE_DELAY=-1",
        "camel.main.routes-include-pattern=file:routes/import-erp-file.camel.yaml,file:routes/export-orders.camel.yaml",
        "connector.stock.poll-delay=300",
        "connector.sandbox.rate-limit-tier=NONE",
        "connector.orders.work-interval=200ms",
        "connector.orders.poll.schedule=0/2 * * * * ?",
        "connector.orders.retry.initial-backoff=200ms",
        "connector.orders.retry.max-backoff=1s"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ErpOnSftpTest {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    static Path folder;

    static SftpServer sftp;

    @DynamicPropertySource
    static void erpOnSftp(DynamicPropertyRegistry registry) throws IOException {
        sftp = new SftpServer(folder.resolve("sftp")).start();
        Files.createDirectories(sftp.root().resolve("in/stock"));
        Files.createDirectories(sftp.root().resolve("out/orders"));
        registry.add("connector.erp.folder", () -> folder.resolve("erp").toString());
        registry.add("connector.stock.inbox", () -> sftp.passwordUri("in/stock")
                + "&throwExceptionOnConnectFailed=true");
        registry.add("connector.orders.outbox", () -> sftp.keyUri("out/orders"));
    }

    @AfterAll
    static void stopServer() {
        sftp.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ErpEndpointHealth endpoints;

    StockTestSupport stock;
    ListAppender<ILoggingEvent> healthLog;

    @BeforeEach
    void sandboxAndLog() {
        stock = new StockTestSupport(sftp.root().resolve("in/stock"), "http://127.0.0.1:" + port);
        stock.resetSandbox();
        healthLog = new ListAppender<>();
        healthLog.start();
        ((Logger) LoggerFactory.getLogger(ErpEndpointHealth.class)).addAppender(healthLog);
    }

    @AfterEach
    void serverUpAndLogDetached() {
        sftp.acceptPasswords(true);
        sftp.start();
        ((Logger) LoggerFactory.getLogger(ErpEndpointHealth.class)).detachAppender(healthLog);
    }

    @Test
    void stockFileOnTheServerIsAppliedAndItsReportWrittenBesideIt() {
        drop("stock-on-sftp.csv", StockTestSupport.csv("sku;warehouse;quantity", "SWEATER-RED-S;WH1;41",
                "CHAIR-OAK;WH2;9"));

        Path report = awaitReport("stock-on-sftp");

        assertThat(stock.physicalStock()).containsEntry("SWEATER-RED-S@1", 41).containsEntry("CHAIR-OAK@2", 9);
        assertThat(StockTestSupport.report(report).values())
                .hasSize(2).allSatisfy(line -> assertThat(line.get("outcome")).isEqualTo("applied"));
        assertThat(files(".done", ".csv")).anySatisfy(p -> assertThat(p.getFileName().toString())
                .startsWith("stock-on-sftp").doesNotEndWith(".report.csv"));
        assertThat(stock.waiting()).isEmpty();
        assertThat(files(".done", ".tmp")).isEmpty();
    }

    @Test
    void orderFilesAreUploadedToTheServer() {
        int number = SandboxOrders.placeOne(http);

        await().atMost(PATIENCE).until(() -> !orderFiles(number).isEmpty());

        assertThat(orderFiles(number)).singleElement().satisfies(p -> assertThat(p.getFileName().toString())
                .isEqualTo("order-" + number + "-1.json"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(sftp.root().resolve("out/orders"))
                .isDirectoryNotContaining("glob:**.tmp"));
    }

    @Test
    void serverDownThenWrongPasswordIsOneLineAndHealthDownAndTheFileIsReadOnceTheServerIsBack() {
        sftp.stop();
        await().atMost(PATIENCE).until(() -> endpoints.health().getStatus().equals(Status.DOWN));
        assertThat(endpoints.health().getDetails()).containsKey("import-stock-file");
        await().pollDelay(Duration.ofMillis(100)).atMost(PATIENCE).until(() -> attemptsSinceDown() >= 4);
        assertThat(warnings("import-stock-file")).as("one line, not one per poll").hasSize(1);

        sftp.acceptPasswords(false);
        sftp.start();
        await().atMost(PATIENCE).until(() -> String.valueOf(endpoints.health().getDetails().get("import-stock-file"))
                .toLowerCase().contains("auth"));
        drop("after-outage.csv", StockTestSupport.csv("sku;warehouse;quantity", "SWEATER-BLUE-M;WH1;17"));

        sftp.acceptPasswords(true);
        awaitReport("after-outage");

        assertThat(stock.physicalStock()).containsEntry("SWEATER-BLUE-M@1", 17);
        await().atMost(PATIENCE).until(() -> endpoints.health().getStatus().equals(Status.UP));
        assertThat(warnings("import-stock-file")).as("down, then wrong password: one line each").hasSize(2);
        assertThat(healthLog.list).noneMatch(e -> e.getFormattedMessage().contains(SftpServer.PASSWORD));
    }

    /** Polls since the flow went down: each is a failed attempt, none of which may log again. */
    private long attemptsSinceDown() {
        ErpEndpointHealth.Failure failure = endpoints.failure("import-stock-file");
        return failure == null ? 0 : failure.attempts();
    }

    private List<String> warnings(String flow) {
        return healthLog.list.stream().filter(e -> e.getLevel().toString().equals("WARN"))
                .map(ILoggingEvent::getFormattedMessage).filter(m -> m.startsWith(flow + ":")).toList();
    }

    private void drop(String name, String content) {
        try {
            Path inbox = sftp.root().resolve("in/stock");
            Path temp = Files.writeString(inbox.resolve(name + ".tmp"), content, StandardCharsets.UTF_8);
            Files.move(temp, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report of the file whose name starts so (archived names on a server get a time stamp). */
    private Path awaitReport(String name) {
        await().atMost(PATIENCE).until(() -> files(".done", ".report.csv").stream()
                .anyMatch(p -> p.getFileName().toString().startsWith(name)));
        return files(".done", ".report.csv").stream().filter(p -> p.getFileName().toString().startsWith(name))
                .findFirst().orElseThrow();
    }

    private List<Path> files(String sub, String suffix) {
        return stock.files(sub, suffix);
    }

    private List<Path> orderFiles(int number) {
        try (Stream<Path> list = Files.list(sftp.root().resolve("out/orders"))) {
            return list.filter(p -> p.getFileName().toString().startsWith("order-" + number + "-"))
                    .filter(p -> !p.getFileName().toString().endsWith(".tmp")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
