package org.centraerp.connector.flows.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.centraerp.connector.centra.CentraClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole orders flow on the embedded sandbox: orders placed there reach the ERP folder once each, told by
 * the sandbox's signed webhooks, its events queue and polling at the same time.
 * A fixed free port (not RANDOM_PORT) because the sandbox's webhook URL must point at this app before it starts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:orders-e2e;DB_CLOSE_DELAY=-1",
        "camel.main.routes-include-pattern=file:routes/export-orders.camel.yaml,file:routes/receive-centra-webhook.camel.yaml",
        "connector.webhook.secret=e2e-secret",
        "connector.sandbox.webhook.secret=e2e-secret",
        "connector.sandbox.rate-limit-tier=NONE",
        "connector.centra.rate-limit.requests-per-10s=0",
        "connector.centra.rate-limit.mutations-per-10s=0",
        "connector.centra.retry.initial-backoff=50ms",
        "connector.centra.retry.max-backoff=500ms",
        "connector.orders.work-interval=200ms",
        "connector.orders.retry.initial-backoff=200ms",
        "connector.orders.retry.max-backoff=1s",
        "connector.orders.poll.schedule=0/3 * * * * ?",
        "connector.orders.events.enabled=true",
        "connector.orders.events.interval=1s"})
// Its Quartz routes would share the JVM's scheduler (one per Camel context name) with later contexts.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class OrderEndToEndTest {

    static final int PORT = freePort();

    @TempDir
    static Path erp;

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("connector.sandbox.webhook.url", () -> "http://127.0.0.1:" + PORT + "/webhooks/centra");
        registry.add("connector.erp.folder", () -> erp.toString());
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate state;

    @Autowired
    CentraClient centra;

    @Autowired
    ObjectMapper json;

    @Autowired
    org.apache.camel.CamelContext camel;

    @Autowired
    OrderPolling polling;

    @BeforeEach
    @AfterEach
    void calmSandbox() {
        knobs("{\"faultRates\":{\"serverError\":0.0,\"rateLimited\":0.0,\"timeout\":0.0}}");
    }

    @Test
    void placedOrdersBecomeOneFileEachAndAreLockedInCentra() {
        List<Long> numbers = placeOrders(10);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(orderFiles()).containsAll(firstVersionFiles(numbers)));
        // Webhook "update" events for the lock, events and polls keep coming; none may add a version.
        awaitSourcesHaveSeenAgain(numbers.get(0));
        assertThat(orderFiles()).filteredOn(f -> numbers.stream().anyMatch(n -> f.startsWith("order-" + n + "-")))
                .containsExactlyInAnyOrderElementsOf(firstVersionFiles(numbers));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode orders = centra.query("orders", Map.of("numbers", numbers, "limit", numbers.size())).data()
                    .path("orders");
            assertThat(orders).hasSize(numbers.size()).allSatisfy(o -> assertThat(o.path("isLocked").asBoolean()).isTrue());
        });
    }

    @Test
    void orderToldByWebhookEventsAndPollingIsExportedOnce() throws Exception {
        camel.getRouteController().stopRoute("export-orders");
        long number;
        try {
            number = placeOrders(1).get(0);
            // The sandbox tells about the new order once by webhook and once in the events queue.
            await().atMost(Duration.ofSeconds(30)).until(() -> requested(number) >= 2);
            // Polling queues it too (a window ends at the last full second, so it may take a second poll).
            await().atMost(Duration.ofSeconds(30)).until(() -> polling.poll() >= 1);
            assertThat(requested(number)).isGreaterThanOrEqualTo(3);
        } finally {
            camel.getRouteController().startRoute("export-orders");
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> orderFiles().contains("order-" + number + "-1.json"));
        awaitSourcesHaveSeenAgain(number);
        assertThat(orderFiles()).filteredOn(f -> f.startsWith("order-" + number + "-")).containsExactly("order-" + number + "-1.json");
        assertThat(state.queryForObject("SELECT COUNT(*) FROM connector_order_export WHERE order_number = ?",
                Integer.class, number)).isEqualTo(1);
    }

    private long requested(long number) {
        List<Long> found = state.queryForList("SELECT requested FROM connector_order_inbox WHERE order_number = ?",
                Long.class, number);
        return found.isEmpty() ? 0 : found.get(0);
    }

    @Test
    void centraFaultsAtTenPercentStillExportEachOrderOnce() {
        knobs("{\"faultRates\":{\"serverError\":0.1,\"rateLimited\":0.05}}");
        List<Long> numbers = placeOrders(12);

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                assertThat(orderFiles()).containsAll(firstVersionFiles(numbers)));
        awaitSourcesHaveSeenAgain(numbers.get(numbers.size() - 1));
        assertThat(orderFiles()).filteredOn(f -> numbers.stream().anyMatch(n -> f.startsWith("order-" + n + "-")))
                .hasSize(numbers.size());
    }

    /**
     * Waits until the order is locked in Centra and every notification since (the lock's webhook and event, a poll
     * that sees its new updatedAt) has been handled: then nothing is left that could export it again.
     */
    private void awaitSourcesHaveSeenAgain(long number) {
        await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(state.queryForObject(
                "SELECT MAX(centra_action) FROM connector_order_export WHERE order_number = ?", String.class, number)));
        await().atMost(Duration.ofSeconds(60)).until(() -> pendingInInbox(number) == 0);
        polling.poll();
        await().atMost(Duration.ofSeconds(60)).until(() -> pendingInInbox(number) == 0);
    }

    private long pendingInInbox(long number) {
        return state.queryForObject("SELECT requested - handled FROM connector_order_inbox WHERE order_number = ?",
                Long.class, number);
    }

    private List<Long> placeOrders(int count) {
        JsonNode placed = json.valueToTree(http.postForObject("/sandbox/admin/orders", Map.of("count", count), Map.class));
        List<Long> numbers = new java.util.ArrayList<>();
        placed.path("numbers").forEach(n -> numbers.add(n.asLong()));
        assertThat(numbers).hasSize(count);
        return numbers;
    }

    private static List<String> firstVersionFiles(List<Long> numbers) {
        return numbers.stream().map(n -> "order-" + n + "-1.json").toList();
    }

    private List<String> orderFiles() {
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

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
