package org.centraerp.connector.flows.orders;

import org.centraerp.connector.testsupport.ConnectorProcess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.centraerp.connector.sandbox.store.SandboxData;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * This JVM is Centra (the sandbox, 50 ms per request, Growth tier rate limits) and nothing else: the connector's
 * routes do not start here. The connectors under test run in child JVMs ({@link ConnectorProcess}) against it,
 * with state and ERP tables in fresh PostgreSQL schemas; they learn about orders by polling, every 2 s.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:orders-child-sandbox;DB_CLOSE_DELAY=-1",
        "camel.main.auto-startup=false",
        "connector.sandbox.latency=50ms",
        "connector.sandbox.rate-limit-tier=GROWTH"})
abstract class ChildConnectorSupport {

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectMapper json;

    @Autowired
    SandboxData sandbox;

    @BeforeEach
    void freshStoreWithPlentyOfStock() {
        // Another test's orders (this context is shared) would be polled and exported by this test's connectors.
        http.postForEntity("/sandbox/admin/reset", null, String.class);
        // The demo store holds ~100 units; every test places more orders than that.
        sandbox.write(() -> {
            sandbox.stock.stream().toList().forEach(level -> sandbox.stock.put(level.withPhysical(level.allocated() + 100_000)));
            return null;
        });
    }

    List<Long> placeOrders(int count) {
        JsonNode placed = json.valueToTree(http.postForObject("/sandbox/admin/orders", Map.of("count", count), Map.class));
        List<Long> numbers = new ArrayList<>();
        placed.path("numbers").forEach(n -> numbers.add(n.asLong()));
        assertThat(numbers).hasSize(count);
        return numbers;
    }

    /** Command-line of a connector against this sandbox, with its state and ERP tables in the given schemas. */
    List<String> connectorArguments(PostgresqlSchema state, PostgresqlSchema erp, Path erpFolder) {
        return new ArrayList<>(List.of(
                "--connector.centra.url=http://127.0.0.1:" + port + "/sandbox/graphql",
                "--connector.centra.token=sandbox-demo-token",
                "--connector.sandbox.enabled=false",
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--logging.level.org.centraerp=INFO",
                "--logging.level.org.centraerp.connector.ConnectorApplication=INFO",
                "--spring.datasource.url=" + state.url(),
                "--spring.datasource.username=" + PostgresqlSchema.USER,
                "--spring.datasource.password=",
                "--connector.erp.folder=" + erpFolder,
                "--connector.erp.datasource.url=" + erp.url(),
                "--connector.erp.datasource.username=" + PostgresqlSchema.USER,
                "--camel.main.routes-include-pattern=file:routes/export-orders.camel.yaml",
                "--connector.master-data.at-start=false",
                // Small batches so that an export takes a few seconds and a kill lands in the middle of it.
                "--connector.orders.batch-size=5",
                "--connector.orders.work-interval=100ms",
                "--connector.orders.retry.initial-backoff=500ms",
                "--connector.orders.retry.max-backoff=2s",
                "--connector.orders.poll.schedule=0/2 * * * * ?",
                "--connector.orders.poll.initial-lookback=1h"));
    }

    static void awaitStarted(ConnectorProcess... connectors) {
        // Two child JVMs starting side by side on a loaded 2-core machine can take well over a minute.
        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(200))
                .until(() -> java.util.Arrays.stream(connectors).allMatch(ConnectorProcess::started));
    }

    /**
     * Waits until every placed order is WRITTEN, locked in Centra (action DONE) and nothing for them is left in the
     * inbox: then no instance has anything left that could export them again.
     */
    static void awaitAllExported(JdbcTemplate state, List<Long> placed, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(250)).until(() -> {
            Integer settled = state.queryForObject("SELECT COUNT(*) FROM connector_order_export e"
                    + " JOIN connector_order_inbox i ON i.order_number = e.order_number"
                    + " WHERE e.state = 'WRITTEN' AND e.centra_action = 'DONE' AND i.requested = i.handled", Integer.class);
            return settled != null && settled >= placed.size();
        });
    }
}
