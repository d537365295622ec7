package org.centraerp.connector.ops.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

/** The alert webhook: once when a condition starts, again after the reminder interval, once when it clears. */
class AlertWebhookTest {

    /** A clock the test moves. */
    static final class Hands extends Clock {
        Instant now = Instant.parse("2026-11-29T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void postedOnceWhenItStartsAgainAfterTheReminderAndOnceWhenItClears() {
        List<String> posted = new ArrayList<>();
        Hands clock = new Hands();
        AlertWebhook webhook = new AlertWebhook(posted::add, Duration.ofHours(4), clock);
        Map<String, String> deadLetters = Map.of("dead-letters:orders", "2 dead letters of flow orders wait");

        webhook.update(deadLetters);
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        webhook.update(deadLetters);
        clock.now = clock.now.plus(Duration.ofHours(3));
        webhook.update(deadLetters);
        assertThat(posted).singleElement().asString().contains("2 dead letters of flow orders wait");

        clock.now = clock.now.plus(Duration.ofHours(1));
        webhook.update(deadLetters);
        assertThat(posted).hasSize(2);
        assertThat(posted.get(1)).contains("still, since 2026-11-29T10:00:00Z");

        webhook.update(Map.of());
        webhook.update(Map.of());
        assertThat(posted).hasSize(3);
        assertThat(posted.get(2)).contains("cleared").contains("2 dead letters of flow orders wait");
    }

    @Test
    void eachConditionOnItsOwn() {
        List<String> posted = new ArrayList<>();
        AlertWebhook webhook = new AlertWebhook(posted::add, Duration.ofHours(4), new Hands());

        webhook.update(Map.of("stale:import-stock-file", "stale"));
        webhook.update(Map.of("stale:import-stock-file", "stale", "token-refused", "refused"));
        webhook.update(Map.of("token-refused", "refused"));

        assertThat(posted).containsExactly(":rotating_light: stale", ":rotating_light: refused",
                ":white_check_mark: cleared: stale");
    }

    @Test
    void slackCompatibleJsonIsPostedToTheUrl() throws IOException {
        List<String> bodies = new CopyOnWriteArrayList<>();
        HttpServer slack = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        slack.createContext("/hook", exchange -> {
            bodies.add(exchange.getRequestHeaders().getFirst("Content-Type") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        slack.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + slack.getAddress().getPort() + "/hook");
            AlertWebhook.http(url, Duration.ofSeconds(5)).accept("Flow \"orders\" is stale");
            await().atMost(Duration.ofSeconds(10)).until(() -> bodies.size() == 1);
            String body = bodies.get(0).substring(bodies.get(0).indexOf(' ') + 1);
            assertThat(bodies.get(0)).startsWith("application/json");
            assertThat(new ObjectMapper().readTree(body).path("text").asText()).isEqualTo("Flow \"orders\" is stale");
        } finally {
            slack.stop(0);
        }
    }
}
