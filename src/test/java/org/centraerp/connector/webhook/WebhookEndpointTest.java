package org.centraerp.connector.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The receiver over HTTP, as Centra calls it, with a clock that makes Centra's documented test time
 * (t=12345678) "now".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:webhook-endpoint-test;DB_CLOSE_DELAY=-1",
        "connector.webhook.secret=test123",
        "connector.erp.folder=target/webhook-endpoint-test/erp",
        "camel.main.routes-include-pattern=file:routes/receive-centra-webhook.camel.yaml"})
class WebhookEndpointTest {

    static final long NOW = 12345678 + 20;

    @TestConfiguration
    static class FixedClock {
        @Bean
        WebhookClock webhookClock() {
            return new WebhookClock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient client = HttpClient.newHttpClient();
    private final WebhookSignature centra = new WebhookSignature("test123", java.time.Duration.ofMinutes(5),
            Clock.systemUTC());

    @BeforeEach
    void emptyState() {
        jdbc.update("DELETE FROM connector_order_inbox");
        jdbc.update("DELETE FROM connector_idempotency_key");
    }

    @Test
    void centrasDocumentedTestVectorIsAcceptedOverHttp() throws Exception {
        byte[] body = "payload=%7B%22x%22%3A%22test%22%7D".getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> answer = post(body, "t=12345678,v1=0b9cd84f5d583e5e1aadfb9f160aa8080b51d5b85ff85808d6b75bdac356c549");
        // Signed correctly, but {"x":"test"} has no events list: refused as a payload, not as a signature.
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(storedOrders()).isEmpty();
    }

    @Test
    void signedOrderEventsAreStoredAndAnsweredAtOnce() throws Exception {
        byte[] body = webhook(order(1001, "insert"), order(1002, "update"), shipment(77));
        HttpResponse<String> answer = post(body, signed(NOW, body));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(storedOrders()).containsExactly(1001L, 1002L);
    }

    @Test
    void sameWebhookTwiceIsStoredOnce() throws Exception {
        byte[] body = webhook(order(2001, "update"));
        assertThat(post(body, signed(NOW, body)).statusCode()).isEqualTo(200);
        assertThat(post(body, signed(NOW - 5, body)).statusCode()).isEqualTo(200);
        assertThat(storedOrders()).containsExactly(2001L);
        assertThat(jdbc.queryForObject("SELECT requested FROM connector_order_inbox WHERE order_number = 2001",
                Long.class)).isEqualTo(1L);
    }

    @Test
    void forgedSignatureIsRefusedAndNothingStored() throws Exception {
        byte[] body = webhook(order(3001, "insert"));
        String good = signed(NOW, body);
        String forged = good.substring(0, good.length() - 1) + (good.endsWith("0") ? "1" : "0");
        assertThat(post(body, forged).statusCode()).isEqualTo(401);
        assertThat(post(body, null).statusCode()).isEqualTo(401);
        assertThat(post(body, "garbage").statusCode()).isEqualTo(401);
        assertThat(storedOrders()).isEmpty();
    }

    @Test
    void replayedWebhookWithOldTimeIsRefused() throws Exception {
        byte[] body = webhook(order(4001, "insert"));
        assertThat(post(body, signed(NOW - 3600, body)).statusCode()).isEqualTo(401);
        assertThat(storedOrders()).isEmpty();
    }

    @Test
    void malformedPayloadIsRefusedAndNothingStored() throws Exception {
        for (String form : List.of("payload=not-json", "other=1", "payload=" + enc("{\"events\":[{\"type\":\"order\",\"id\":\"x\"}]}"))) {
            byte[] body = form.getBytes(StandardCharsets.US_ASCII);
            assertThat(post(body, signed(NOW, body)).statusCode()).as(form).isEqualTo(400);
        }
        assertThat(storedOrders()).isEmpty();
    }

    private List<Long> storedOrders() {
        return jdbc.queryForList("SELECT order_number FROM connector_order_inbox ORDER BY order_number", Long.class);
    }

    private String signed(long t, byte[] body) {
        return "t=" + t + ",v1=" + centra.hex(Long.toString(t), body);
    }

    private HttpResponse<String> post(byte[] body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/centra"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("X-Centra-Signature", signature);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static byte[] webhook(Map<?, ?>... events) throws Exception {
        String payload = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of("events", events));
        return ("payload=" + enc(payload)).getBytes(StandardCharsets.US_ASCII);
    }

    static Map<String, Object> order(long number, String action) {
        return Map.of("type", "order", "action", action, "date", "2021-01-29 14:40:58.628033", "id", number);
    }

    static Map<String, Object> shipment(long id) {
        return Map.of("type", "shipment", "action", "create", "date", "2021-01-29 14:40:58.628119", "id", id);
    }

    static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
