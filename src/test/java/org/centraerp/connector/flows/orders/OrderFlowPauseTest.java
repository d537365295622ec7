package org.centraerp.connector.flows.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.centra.CentraEndpoint;
import org.centraerp.connector.ops.FlowPauses;
import org.centraerp.connector.ops.LoggedStackTraces;
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
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The order flows (a Quartz poll, a timer export) when Centra fails or refuses: the cause once, a short line per
 * later attempt, never a stack trace; a token that cannot lock orders or that Centra refuses pauses the flow with
 * health DOWN, and once the token file holds a good token every order is exported and locked, none dropped.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:order-flow-pause;DB_CLOSE_DELAY=-1",
        "camel.main.routes-include-pattern=file:routes/export-orders.camel.yaml",
        "connector.sandbox.rate-limit-tier=NONE",
        "connector.centra.rate-limit.requests-per-10s=0",
        "connector.centra.rate-limit.mutations-per-10s=0",
        "connector.centra.retry.max-attempts=2",
        "connector.centra.retry.initial-backoff=10ms",
        "connector.orders.work-interval=200ms",
        "connector.orders.retry.initial-backoff=200ms",
        "connector.orders.retry.max-backoff=1s",
        "connector.orders.poll.schedule=0/1 * * * * ?",
        "connector.flows.retry.initial-backoff=500ms",
        "connector.flows.retry.max-backoff=1s"})
// Its Quartz route would share the JVM's scheduler (one per Camel context name) with later contexts.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class OrderFlowPauseTest {

    private static final String POLL = "poll-centra-orders";
    private static final String EXPORT = "export-orders";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    static Path erp;

    @TempDir
    static Path secrets;

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        writeToken("sandbox-demo-token");
        registry.add("connector.erp.folder", erp::toString);
        registry.add("connector.centra.token-file", () -> secrets.resolve("centra-token").toString());
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectMapper json;

    @Autowired
    CentraClient centra;

    @Autowired
    OrderInbox inbox;

    @Autowired
    CentraEndpoint endpoint;

    @Autowired
    FlowPauses pauses;

    @Autowired
    Map<String, HealthIndicator> health;

    @BeforeEach
    void goodTokenAndNoFaults() {
        useToken("sandbox-demo-token");
        knobs("{\"faultRates\":{\"serverError\":0.0,\"rateLimited\":0.0,\"timeout\":0.0}}");
        // the orders of an earlier test are exported and the flows went through since
        await().atMost(PATIENCE).until(() -> pauses.pause(POLL).isEmpty() && pauses.pause(EXPORT).isEmpty());
    }

    @AfterEach
    void calm() {
        goodTokenAndNoFaults();
    }

    @Test
    void centraFailingLogsTheOrderPollsCauseOnceThenShortLinesAndNoStackTrace(CapturedOutput output) {
        knobs("{\"faultRates\":{\"serverError\":1.0,\"rateLimited\":0.0,\"timeout\":0.0}}");

        await().atMost(PATIENCE).until(() -> pauses.pause(POLL).map(FlowPauses.Pause::failures).orElse(0) >= 3);

        List<String> lines = flowLines(output, POLL);
        assertThat(lines.stream().filter(line -> line.contains("is unreachable")).toList()).as("the cause, once")
                .hasSize(1);
        assertThat(lines.stream().filter(line -> line.contains("failed again")).count()).isGreaterThanOrEqualTo(2);
        assertNoStackTrace(output);
        assertThat(health.get("flows").health().getStatus()).as("a passing outage is not an access problem")
                .isEqualTo(Status.UP);

        knobs("{\"faultRates\":{\"serverError\":0.0,\"rateLimited\":0.0,\"timeout\":0.0}}");
        await().atMost(PATIENCE).until(() -> pauses.pause(POLL).isEmpty());
        assertThat(flowLines(output, POLL)).anyMatch(line -> line.contains(POLL + " resumed"));
        assertNoStackTrace(output);
    }

    @Test
    void aTokenThatCannotLockOrdersPausesTheExportWithOneLineAndTheOrdersAreLockedOnceItCan(CapturedOutput output) {
        useToken("sandbox-readonly-token");
        List<Long> numbers = placeOrders(3);

        await().atMost(PATIENCE).until(() -> pauses.pause(EXPORT).map(FlowPauses.Pause::failures).orElse(0) >= 3);

        List<String> lines = flowLines(output, EXPORT);
        assertThat(lines.stream().filter(line -> line.contains("lacks the")).toList())
                .as("one line naming the permission").singleElement().asString()
                .containsPattern("lacks the Order\\S*:write permission");
        assertThat(lines.stream().filter(line -> line.contains("failed again")).count()).isGreaterThanOrEqualTo(2);
        assertThat(lines.stream().filter(line -> line.contains("failed again")))
                .allSatisfy(line -> assertThat(line).contains("next attempt at"));
        Health flows = health.get("flows").health();
        assertThat(flows.getStatus()).isEqualTo(Status.DOWN);
        assertThat(flows.getDetails().get(EXPORT).toString()).contains("paused").contains(":write");
        assertThat(orderFiles()).as("the ERP has the orders").containsAll(firstVersionFiles(numbers));
        assertThat(locked(numbers)).as("not locked yet").containsOnly(false);
        assertNoStackTrace(output);

        writeToken("sandbox-demo-token");

        await().atMost(PATIENCE).until(() -> !locked(numbers).contains(false));
        await().atMost(PATIENCE).until(() -> pauses.pause(EXPORT).isEmpty());
        assertThat(health.get("flows").health().getStatus()).isEqualTo(Status.UP);
        assertThat(orderFiles()).filteredOn(file -> numbers.stream().anyMatch(n -> file.startsWith("order-" + n + "-")))
                .as("each once").containsExactlyInAnyOrderElementsOf(firstVersionFiles(numbers));
    }

    @Test
    void aRefusedTokenPausesTheOrderFlowsWithOneClearLineAndTheyResumeWithAValidToken(CapturedOutput output) {
        useToken("revoked-or-expired-token");
        List<Long> numbers = placeOrders(2);
        // as Centra's webhook would tell: the export meets the refused token too, not only the poll
        numbers.forEach(number -> inbox.notify(number, "test"));

        await().atMost(PATIENCE).until(() -> pauses.pause(EXPORT).map(FlowPauses.Pause::failures).orElse(0) >= 3
                && pauses.pause(POLL).map(FlowPauses.Pause::failures).orElse(0) >= 3);

        assertThat(output.getOut().lines().filter(line -> line.contains("Centra refused the token")).toList())
                .as("one clear line for every flow").singleElement().asString().contains("CENTRA_TOKEN_FILE");
        assertThat(output.getOut().lines().filter(line -> line.contains("not fetched") || line.contains("not told")))
                .as("no warning per attempt").isEmpty();
        Health flows = health.get("flows").health();
        assertThat(flows.getStatus()).isEqualTo(Status.DOWN);
        assertThat(flows.getDetails()).containsKeys(EXPORT, POLL);
        assertThat(health.get("centra").health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(orderFiles()).as("nothing exported yet").doesNotContainAnyElementsOf(firstVersionFiles(numbers));
        assertNoStackTrace(output);

        writeToken("sandbox-demo-token");

        await().atMost(PATIENCE).until(() -> orderFiles().containsAll(firstVersionFiles(numbers)));
        await().atMost(PATIENCE).until(() -> !locked(numbers).contains(false));
        await().atMost(PATIENCE).until(() -> pauses.pause(EXPORT).isEmpty() && pauses.pause(POLL).isEmpty());
        assertThat(health.get("flows").health().getStatus()).isEqualTo(Status.UP);
        assertNoStackTrace(output);
    }

    /** The lines the retry policy logged for the flow. */
    private static List<String> flowLines(CapturedOutput output, String flow) {
        return output.getOut().lines().filter(line -> line.contains("FlowRetryPolicy") && line.contains(flow + ":")
                || line.contains("FlowRetryPolicy") && line.contains(flow + " ")).toList();
    }

    /**
     * No stack trace of the order flows: thrown through their code, or printed for a Quartz job or a timer. The
     * JVM's output also holds what other cached Spring test contexts log (checked by their own tests).
     */
    private static void assertNoStackTrace(CapturedOutput output) {
        assertThat(LoggedStackTraces.of(output.getAll(), trace -> trace.contains("\tat org.centraerp.connector.flows.orders.")
                || trace.contains(POLL) || trace.contains(EXPORT))).isEmpty();
    }

    private List<Boolean> locked(List<Long> numbers) {
        JsonNode orders = centra.query("orders", Map.of("numbers", numbers, "limit", numbers.size())).data()
                .path("orders");
        List<Boolean> locked = new ArrayList<>();
        orders.forEach(order -> locked.add(order.path("isLocked").asBoolean()));
        assertThat(locked).hasSize(numbers.size());
        return locked;
    }

    private List<Long> placeOrders(int count) {
        JsonNode placed = json.valueToTree(http.postForObject("/sandbox/admin/orders", Map.of("count", count),
                Map.class));
        List<Long> numbers = new ArrayList<>();
        placed.path("numbers").forEach(n -> numbers.add(n.asLong()));
        assertThat(numbers).hasSize(count);
        return numbers;
    }

    private static List<String> firstVersionFiles(List<Long> numbers) {
        return numbers.stream().map(n -> "order-" + n + "-1.json").toList();
    }

    private static List<String> orderFiles() {
        Path folder = erp.resolve("out/orders");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".tmp")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void knobs(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        http.exchange("/sandbox/admin/knobs", HttpMethod.PUT, new HttpEntity<>(body, headers), String.class);
    }

    /** The token file holds the token, and the connector uses it (it reads the file again when it changes). */
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
