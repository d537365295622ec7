package org.centraerp.connector.flows.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.centraerp.connector.centra.CentraEndpoint;
import org.centraerp.connector.ops.CentraTokenExpiry;
import org.centraerp.connector.ops.FlowPauses;
import org.centraerp.connector.ops.LoggedStackTraces;
import org.centraerp.connector.state.SentValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A stock file stuck on Centra: the flow pauses with one line saying why (naming the missing permission), tries
 * again with a back-off and one short line per attempt, shows DOWN in health, and applies the file once as soon as
 * the token file holds a token that can write. The token's expiry shows in health.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:stock-flow-pause;DB_CLOSE_DELAY=-1",
        "camel.main.routes-include-pattern=file:routes/import-erp-file.camel.yaml",
        "connector.stock.poll-delay=200",
        "connector.centra.retry.max-attempts=2",
        "connector.centra.retry.initial-backoff=10ms",
        "connector.flows.retry.initial-backoff=500ms",
        "connector.flows.retry.max-backoff=1s"})
class StockFlowPauseTest {

    private static final String FLOW = "import-stock-file";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    static Path erpFolder;

    @TempDir
    static Path secrets;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        writeToken("sandbox-demo-token");
        registry.add("connector.erp.folder", erpFolder::toString);
        registry.add("connector.centra.token-file", () -> secrets.resolve("centra-token").toString());
        registry.add("connector.centra.token-expires", () -> LocalDate.now(ZoneOffset.UTC).plusDays(5).toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    SentValues sentValues;

    @Autowired
    CentraEndpoint endpoint;

    @Autowired
    FlowPauses pauses;

    @Autowired
    Map<String, HealthIndicator> health;

    StockTestSupport stock;

    @BeforeEach
    void freshStoreAndInbox() {
        writeToken("sandbox-demo-token");
        stock = new StockTestSupport(erpFolder.resolve("in/stock"), "http://127.0.0.1:" + port);
        stock.clearInbox();
        // A file left by an earlier test (or an earlier attempt of a rerun test) is gone now: its pause ends with
        // the flow's next look at the inbox, so this test's failures start from one.
        await().atMost(PATIENCE).until(() -> pauses.pause(FLOW).isEmpty());
        stock.resetSandbox();
        sentValues.forgetAll(AbsoluteStockSender.FLOW);
    }

    @AfterEach
    void noFaults() {
        stock.knobs("{\"faultRates\": {\"serverError\": 0, \"rateLimited\": 0, \"timeout\": 0}}");
        writeToken("sandbox-demo-token");
    }

    @Test
    void missingWritePermissionPausesTheFlowWithOneLineAndTheFileIsAppliedOnceTheTokenCanWrite(
            CapturedOutput output) {
        useToken("sandbox-readonly-token");
        stock.drop("stock.csv", StockTestSupport.sampleFile());

        await().atMost(PATIENCE).until(() -> pauses.pause(FLOW).map(FlowPauses.Pause::failures).orElse(0) >= 4);

        Health flows = health.get("flows").health();
        assertThat(flows.getStatus()).isEqualTo(Status.DOWN);
        assertThat(flows.getDetails().get(FLOW).toString()).contains("paused").contains("Stock");
        List<String> lines = flowLines(output);
        assertThat(lines.stream().filter(line -> line.contains("lacks the")).toList())
                .as("one line naming the permission").hasSize(1)
                .allSatisfy(line -> assertThat(line).containsPattern("lacks the \\w+:write permission"));
        assertThat(lines.stream().filter(line -> line.contains("failed again")).count()).isGreaterThanOrEqualTo(3);
        assertThat(lines).allSatisfy(line -> assertThat(line).contains("next attempt at"));
        assertNoStackTrace(output);
        assertThat(stock.waiting()).as("the file stays in the inbox").hasSize(1);

        writeToken("sandbox-demo-token");

        Path report = stock.awaitReports(1).get(0);
        assertThat(StockTestSupport.report(report).values()).hasSize(14)
                .allSatisfy(line -> assertThat(line.get("outcome")).isEqualTo("applied"));
        assertThat(stock.files(".done", ".report.csv")).hasSize(1);
        assertThat(stock.physicalStock()).containsEntry("SWEATER-RED-S@1", 12).containsEntry("CHAIR-OAK@2", 2);
        await().atMost(PATIENCE).until(() -> pauses.pause(FLOW).isEmpty());
        assertThat(health.get("flows").health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void centraFailingLogsTheCauseOnceThenOneShortLinePerRetry(CapturedOutput output) {
        stock.knobs("{\"faultRates\": {\"serverError\": 1.0, \"rateLimited\": 0, \"timeout\": 0}}");
        stock.drop("stock.csv", StockTestSupport.sampleFile());

        await().atMost(PATIENCE).until(() -> pauses.pause(FLOW).map(FlowPauses.Pause::failures).orElse(0) >= 4);

        List<String> lines = flowLines(output);
        assertThat(lines.stream().filter(line -> line.contains("is unreachable")).toList())
                .as("the cause, once").hasSize(1);
        assertThat(lines.stream().filter(line -> line.contains("failed again")).count()).isGreaterThanOrEqualTo(3);
        assertNoStackTrace(output);
        assertThat(health.get("flows").health().getStatus()).as("a passing outage is not an access problem")
                .isEqualTo(Status.UP);

        stock.knobs("{\"faultRates\": {\"serverError\": 0, \"rateLimited\": 0, \"timeout\": 0}}");
        assertThat(StockTestSupport.report(stock.awaitReports(1).get(0)).values()).hasSize(14);
        assertThat(flowLines(output)).anyMatch(line -> line.contains(FLOW + " resumed"));
    }

    @Test
    void aRefusedTokenPausesWithOneClearLineAndHealthDownUntilAValidTokenIsInPlace(CapturedOutput output) {
        useToken("revoked-or-expired-token");
        stock.drop("stock.csv", StockTestSupport.sampleFile());

        await().atMost(PATIENCE).until(() -> pauses.pause(FLOW).map(FlowPauses.Pause::failures).orElse(0) >= 3);

        assertThat(output.getOut().lines().filter(line -> line.contains("Centra refused the token")).toList())
                .as("one clear line for every flow").hasSize(1)
                .allSatisfy(line -> assertThat(line).contains("CENTRA_TOKEN_FILE"));
        assertThat(health.get("centra").health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.get("flows").health().getStatus()).isEqualTo(Status.DOWN);
        assertNoStackTrace(output);
        assertThat(stock.waiting()).hasSize(1);

        writeToken("sandbox-demo-token");

        assertThat(StockTestSupport.report(stock.awaitReports(1).get(0)).values()).hasSize(14)
                .allSatisfy(line -> assertThat(line.get("outcome")).isEqualTo("applied"));
        assertThat(health.get("centra").health().getStatus()).isNotEqualTo(Status.DOWN);
    }

    @Test
    void tokenExpiringInFiveDaysIsAWarningInHealth() {
        Health centra = health.get("centra").health();

        assertThat(centra.getStatus()).isEqualTo(CentraTokenExpiry.WARNING);
        assertThat(centra.getDetails()).containsEntry("tokenExpiresInDays", 5L)
                .containsEntry("tokenExpires", LocalDate.now(ZoneOffset.UTC).plusDays(5).toString());
        assertThat(centra.getDetails().get("warning").toString()).contains("expires in 5 days");
    }

    /** The lines the flow's retry policy logged. */
    private static List<String> flowLines(CapturedOutput output) {
        return output.getOut().lines().filter(line -> line.contains(FLOW) && line.contains("FlowRetryPolicy"))
                .toList();
    }

    /**
     * No stack trace of this flow: one logged by its thread, naming it, or thrown through the stock or ERP file
     * code. The JVM's output also holds what other cached Spring test contexts log meanwhile (their own flows,
     * checked by their own tests).
     */
    private static void assertNoStackTrace(CapturedOutput output) {
        assertThat(LoggedStackTraces.of(output.getAll(), StockFlowPauseTest::ofThisFlow)).isEmpty();
    }

    static boolean ofThisFlow(String trace) {
        return trace.contains(FLOW) || trace.contains("/in/stock]")
                || trace.contains("\tat org.centraerp.connector.flows.stock.")
                || trace.contains("\tat org.centraerp.connector.erp.")
                || trace.contains("\tat org.apache.camel.component.file.");
    }

    /**
     * The token file holds the token and the connector uses it: it reads the file again a second after its last
     * read, so a file dropped at once could still be sent with the token before.
     */
    private void useToken(String token) {
        writeToken(token);
        await().atMost(PATIENCE).until(() -> endpoint.token().current().equals(token));
    }

    private static void writeToken(String token) {
        try {
            Path temp = secrets.resolve("centra-token.tmp");
            Files.writeString(temp, token + "\n");
            Files.move(temp, secrets.resolve("centra-token"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
