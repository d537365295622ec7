package org.centraerp.connector.ops.alerts;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts alerts to a Slack-compatible incoming webhook ({@code {"text": "..."}}): once when a condition starts, again
 * after each reminder interval while it lasts, and once when it clears. State is per condition key and in memory:
 * a restart posts the conditions still active once more.
 */
public class AlertWebhook {

    private record Firing(String message, Instant since, Instant lastSent) {
    }

    private static final Logger log = LoggerFactory.getLogger(AlertWebhook.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Consumer<String> post;
    private final Duration reminder;
    private final Clock clock;
    private final Map<String, Firing> firing = new HashMap<>();

    public AlertWebhook(Consumer<String> post, Duration reminder, Clock clock) {
        this.post = post;
        this.reminder = reminder;
        this.clock = clock;
    }

    /** A poster that sends each text to {@code url} as {"text": "..."}; failures are logged, never thrown. */
    public static Consumer<String> http(URI url, Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
        return text -> {
            try {
                HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("text", text))))
                        .build();
                int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status / 100 != 2) {
                    log.warn("Alert webhook answered HTTP {}; the alert is posted again at the next reminder", status);
                }
            } catch (java.io.IOException e) {
                log.warn("Alert webhook not reachable ({}); the alert is posted again at the next reminder",
                        e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    /** The conditions active now, by key, with a message each; posts what started, is due again, or cleared. */
    public synchronized void update(Map<String, String> active) {
        Instant now = clock.instant();
        for (Map.Entry<String, String> condition : active.entrySet()) {
            Firing known = firing.get(condition.getKey());
            if (known == null) {
                post.accept(":rotating_light: " + condition.getValue());
                firing.put(condition.getKey(), new Firing(condition.getValue(), now, now));
            } else if (!now.isBefore(known.lastSent().plus(reminder))) {
                post.accept(":rotating_light: still, since " + known.since() + ": " + condition.getValue());
                firing.put(condition.getKey(), new Firing(condition.getValue(), known.since(), now));
            }
        }
        firing.entrySet().removeIf(entry -> {
            if (active.containsKey(entry.getKey())) {
                return false;
            }
            post.accept(":white_check_mark: cleared: " + entry.getValue().message());
            return true;
        });
    }
}
