package org.centraerp.connector.flows.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.centraerp.connector.state.StateDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * CENTRA_TOKEN_FILE rotated while a file of stock movements is being sent: from that moment the sandbox accepts
 * only the new token (the old one is revoked, Centra answers 403 to it). The connector reads the new token and goes
 * on; every movement is applied exactly once (movements, unlike absolute levels, would show a double send).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:stock-token-rotation;DB_CLOSE_DELAY=-1",
        "camel.main.routes-include-pattern=file:routes/import-erp-file.camel.yaml",
        "connector.customer=delta",
        "connector.mappings-dir=" + StockTokenRotationTest.MAPPINGS,
        "connector.stock.poll-delay=200",
        "connector.stock.batch-size=1",
        "connector.flows.retry.initial-backoff=500ms",
        "connector.flows.retry.max-backoff=1s"})
class StockTokenRotationTest {

    private static final String OLD = "rotation-token-old";
    private static final String NEW = "rotation-token-new";

    @TempDir
    static Path erpFolder;

    /** A folder, not a @TempDir: the mappings are checked before dynamic properties reach the environment. */
    static final String MAPPINGS = "target/stock-token-rotation-mappings";

    static {
        StockTestSupport.deltaMappings(Path.of(MAPPINGS));
    }

    @TempDir
    static Path secrets;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) throws IOException {
        writeToken(OLD);
        registry.add("connector.erp.folder", erpFolder::toString);
        registry.add("connector.centra.token-file", () -> secrets.resolve("centra-token").toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    StateDatabase state;

    private final HttpClient http = HttpClient.newHttpClient();
    StockTestSupport stock;

    @BeforeEach
    void freshStoreInboxAndToken() throws Exception {
        stock = new StockTestSupport(erpFolder.resolve("in/stock"), "http://127.0.0.1:" + port);
        stock.clearInbox();
        stock.resetSandbox();
        state.jdbc().update("DELETE FROM connector_idempotency_key WHERE flow = ?", DeltaStockSender.FLOW);
        admin("PUT", "/sandbox/admin/tokens/" + OLD);
        writeToken(OLD);
    }

    @AfterEach
    void noLatency() {
        stock.knobs("{\"latencyMs\": 0}");
    }

    @Test
    void tokenRotatedWhileAFileIsSentIsUsedAtOnceAndEveryLineIsAppliedOnce() throws Exception {
        Map<String, Integer> before = stock.physicalStock();
        stock.knobs("{\"latencyMs\": 250}");
        stock.drop("movements.csv", StockFaultsDeltaTest.MOVEMENTS);
        await().atMost(Duration.ofSeconds(60)).until(() -> sent() >= 3);

        admin("PUT", "/sandbox/admin/tokens/" + NEW);
        writeToken(NEW);
        admin("DELETE", "/sandbox/admin/tokens/" + OLD);
        int sentAtRotation = sent();

        Map<Long, Map<String, String>> report = StockTestSupport.report(stock.awaitReports(1).get(0));
        assertThat(sentAtRotation).as("rotated while the file was being sent").isLessThan(14);
        assertThat(report.values()).hasSize(14)
                .allSatisfy(line -> assertThat(line.get("outcome")).isEqualTo("applied"));
        Map<String, Integer> expected = new HashMap<>();
        for (Map<String, String> line : report.values()) {
            String where = line.get("key") + "@" + ("WH1".equals(line.get("warehouse")) ? 1 : 2);
            expected.put(where, before.getOrDefault(where, 0) + Integer.parseInt(line.get("quantity")));
        }
        assertThat(stock.physicalStock()).containsAllEntriesOf(expected);
        List<String> changes = stock.stockChangeComments().stream().filter(c -> c.contains("[stock-")).toList();
        assertThat(changes).as("one stock change per line, none twice").hasSize(14).doesNotHaveDuplicates();
        assertThat(admin("POST", "/sandbox/graphql", OLD)).as("the old token is refused").isEqualTo(403);
    }

    /** Stock changes the connector has made in the sandbox so far. */
    private int sent() {
        return (int) stock.stockChangeComments().stream().filter(c -> c.contains("[stock-")).count();
    }

    private int admin(String method, String path) throws Exception {
        return admin(method, path, null);
    }

    private int admin(String method, String path, String bearer) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(bearer == null ? ""
                        : "{\"query\":\"{ stores { id } }\"}"));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        int status = http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
        if (bearer == null && status / 100 != 2) {
            throw new AssertionError(method + " " + path + " answered " + status);
        }
        return status;
    }

    private static void writeToken(String token) {
        try {
            Path temp = secrets.resolve("centra-token.tmp");
            Files.writeString(temp, token + "\n");
            Files.move(temp, secrets.resolve("centra-token"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
