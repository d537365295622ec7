package org.centraerp.connector.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The sandbox's latency knob must not hold request threads: with a long latency and hundreds of GraphQL calls in
 * flight, the connector's own endpoints (a signed webhook, health) still answer at once. Knobs are capped.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:slow-sandbox-test;DB_CLOSE_DELAY=-1",
        "connector.webhook.secret=slow-sandbox-secret",
        "connector.erp.folder=target/slow-sandbox-test/erp",
        "camel.main.routes-include-pattern=file:routes/receive-centra-webhook.camel.yaml"})
class SlowSandboxDoesNotStarveTheConnectorTest {

    private static final int IN_FLIGHT = 300;

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry registry;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @AfterEach
    void resetKnobs() throws Exception {
        send(HttpRequest.newBuilder(uri("/sandbox/admin/reset")).POST(HttpRequest.BodyPublishers.noBody()));
    }

    @Test
    void webhookAndHealthAnswerWithinASecondWhileHundredsOfSlowSandboxCallsAreInFlight() throws Exception {
        // warm up both endpoints first: the measured calls show waiting, not first-call class loading
        assertThat(send(get("/actuator/health")).statusCode()).isEqualTo(200);
        assertThat(postWebhook(9000).statusCode()).isEqualTo(200);
        assertThat(knobs("{\"latencyMs\": 20000, \"rateLimitTier\": \"NONE\"}").statusCode()).isEqualTo(200);

        List<CompletableFuture<HttpResponse<String>>> slow = new ArrayList<>();
        for (int i = 0; i < IN_FLIGHT; i++) {
            slow.add(client.sendAsync(HttpRequest.newBuilder(uri("/sandbox/graphql"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer sandbox-demo-token")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ stores { id } }\"}")).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> sandboxCallsInFlight() >= IN_FLIGHT * 0.9);

        long start = System.nanoTime();
        var webhook = postWebhook(9001);
        Duration webhookTook = Duration.ofNanos(System.nanoTime() - start);
        start = System.nanoTime();
        var health = send(get("/actuator/health"));
        Duration healthTook = Duration.ofNanos(System.nanoTime() - start);

        assertThat(webhook.statusCode()).isEqualTo(200);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(webhookTook).isLessThan(Duration.ofSeconds(1));
        assertThat(healthTook).isLessThan(Duration.ofSeconds(1));
        assertThat(slow).noneMatch(CompletableFuture::isDone);
        // the delayed calls are answered in full once their latency is over
        CompletableFuture.allOf(slow.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        assertThat(slow).allSatisfy(call -> {
            assertThat(call.join().statusCode()).isEqualTo(200);
            assertThat(call.join().body()).contains("\"stores\"");
        });
    }

    @Test
    void knobsAboveTheirCapAreRefusedWithTheReason() throws Exception {
        var latency = knobs("{\"latencyMs\": 90000}");
        var hold = knobs("{\"timeoutHoldMs\": 3600000}");
        var rate = knobs("{\"faultRates\": {\"serverError\": 1.5, \"rateLimited\": 0, \"timeout\": 0}}");

        assertThat(latency.statusCode()).isEqualTo(400);
        assertThat(latency.body()).contains("latencyMs is 90000").contains("0 to 60000");
        assertThat(hold.statusCode()).isEqualTo(400);
        assertThat(hold.body()).contains("timeoutHoldMs");
        assertThat(rate.statusCode()).isEqualTo(400);
        assertThat(rate.body()).contains("faultRates.serverError is 1.5");
        assertThat(send(get("/sandbox/admin/knobs")).body()).contains("\"latencyMs\":0");
    }

    private HttpResponse<String> postWebhook(long orderNumber) throws Exception {
        byte[] body = WebhookEndpointTest.webhook(WebhookEndpointTest.order(orderNumber, "insert"));
        long now = Instant.now().getEpochSecond();
        String signature = "t=" + now + ",v1=" + new WebhookSignature("slow-sandbox-secret", Duration.ofMinutes(5),
                Clock.systemUTC()).hex(Long.toString(now), body);
        return send(HttpRequest.newBuilder(uri("/webhooks/centra"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(WebhookSignature.HEADER, signature).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private double sandboxCallsInFlight() {
        return registry.find("http.server.requests.active").longTaskTimers().stream()
                .filter(timer -> "/sandbox/graphql".equals(timer.getId().getTag("uri"))
                        || timer.getId().getTag("uri") == null || "UNKNOWN".equals(timer.getId().getTag("uri")))
                .mapToDouble(LongTaskTimer::activeTasks).sum();
    }

    private HttpResponse<String> knobs(String json) throws Exception {
        return send(HttpRequest.newBuilder(uri("/sandbox/admin/knobs")).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
