package org.centraerp.connector.ops.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import org.centraerp.connector.state.DeadLetters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The alert webhook end to end: a dead letter makes the connector post to ALERT_WEBHOOK_URL once, the gauge
 * connector_dead_letters_open shows it, and discarding it posts that the condition cleared.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:alert-watch;DB_CLOSE_DELAY=-1",
        "connector.erp.folder=target/test-erp/alert-watch",
        "camel.main.routes-include-pattern=file:routes/export-orders.camel.yaml",
        "connector.orders.enabled=false",
        "connector.orders.poll.enabled=false",
        "connector.alerts.check-interval=300ms"})
class AlertWatchTest {

    static final List<String> POSTED = new CopyOnWriteArrayList<>();
    static final HttpServer SLACK = slack();

    @DynamicPropertySource
    static void webhook(DynamicPropertyRegistry registry) {
        registry.add("connector.alerts.webhook-url", () -> "http://127.0.0.1:" + SLACK.getAddress().getPort() + "/hook");
    }

    @AfterAll
    static void stop() {
        SLACK.stop(0);
    }

    @Autowired
    DeadLetters deadLetters;

    @Autowired
    MeterRegistry registry;

    @Test
    void deadLetterIsPostedOnceAndItsClearingOnce() {
        long id = deadLetters.record("orders", "centra order 777", "777", "'X' is not in lookup table", null);

        await().atMost(Duration.ofSeconds(20)).until(() -> POSTED.stream().anyMatch(p -> p.contains("dead letters of flow orders")));
        assertThat(registry.get("connector.dead_letters.open").tag("flow", "orders").gauge().value()).isEqualTo(1.0);
        deadLetters.discard(id, "test");
        await().atMost(Duration.ofSeconds(20)).until(() -> POSTED.stream().anyMatch(p -> p.contains("cleared")));

        assertThat(POSTED.stream().filter(p -> p.contains("dead letters of flow orders"))).as("started, cleared")
                .hasSize(2);
    }

    private static HttpServer slack() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hook", exchange -> {
                POSTED.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
