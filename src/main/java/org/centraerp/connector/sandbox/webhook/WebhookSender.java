package org.centraerp.connector.sandbox.webhook;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.annotation.PreDestroy;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.centraerp.connector.sandbox.SandboxProperties;
import org.centraerp.connector.sandbox.api.OrderService;
import org.centraerp.connector.sandbox.graphql.PhpDateFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Centra's webhook plugin, Integration API type, for every object the sandbox changes (orders, and through
 * {@link SandboxEvents} products, variants, displays, stock changes, customers, accounts ...): collects the changes and
 * POSTs {@code payload={"events":[{"type":"order","action":"insert|update|delete","date":"...","id":<id>}]}} (form encoded,
 * at most max-events-per-call per call) to {@code connector.sandbox.webhook.url}, signed with
 * {@code X-Centra-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>}. A non-2xx answer or an error
 * is retried up to {@code retries} times after 1, 2, 4... seconds, then the batch is dropped, as Centra gives up.
 */
@Component
@ConditionalOnSandboxEnabled
public class WebhookSender {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private final SandboxProperties.Webhook config;
    private final ObjectMapper json;
    private final HttpClient http;
    private final LinkedBlockingQueue<Map<String, Object>> pending = new LinkedBlockingQueue<>();
    private final ScheduledExecutorService sender;

    public WebhookSender(SandboxProperties properties, OrderService orders, SandboxEvents events, ObjectMapper json) {
        this.config = properties.webhook();
        this.json = json;
        if (config.url() == null || config.url().isBlank()) {
            http = null;
            sender = null;
            return;
        }
        http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
        sender = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "sandbox-webhook");
            thread.setDaemon(true);
            return thread;
        });
        orders.onOrderChange((order, changeType) -> queue("order", changeType, order.number()));
        events.subscribe((objectType, changeType, reference) -> queue(webhookType(objectType), changeType,
                reference.chars().allMatch(Character::isDigit) ? Long.valueOf(reference) : reference));
    }

    /** Centra's webhook type of an event object type: "order", "product", "productVariant", "customer" ... */
    static String webhookType(String objectType) {
        return Character.toLowerCase(objectType.charAt(0)) + objectType.substring(1);
    }

    private void queue(String type, String changeType, Object id) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", type);
        event.put("action", switch (changeType) {
            case "CREATED" -> "insert";
            case "DELETED" -> "delete";
            default -> "update";
        });
        event.put("date", LocalDateTime.now(PhpDateFormat.ZONE).format(DATE));
        event.put("id", id);
        pending.add(event);
        sender.execute(this::flush);
    }

    private void flush() {
        List<Map<String, Object>> batch = new ArrayList<>();
        pending.drainTo(batch, Math.max(1, config.maxEventsPerCall()));
        if (!batch.isEmpty()) {
            deliver(batch, 0);
        }
    }

    private void deliver(List<Map<String, Object>> batch, int attempt) {
        try {
            String body = body(batch);
            long t = System.currentTimeMillis() / 1000;
            HttpRequest request = HttpRequest.newBuilder(URI.create(config.url()))
                    .timeout(config.timeout())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Centra-Signature", "t=" + t + ",v1=" + signature(config.secret(), t, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2) {
                return;
            }
            retry(batch, attempt, "HTTP " + status);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            retry(batch, attempt, e.toString());
        }
    }

    private void retry(List<Map<String, Object>> batch, int attempt, String why) {
        if (attempt >= config.retries()) {
            log.warn("Sandbox webhook gave up on {} events after {} attempts: {}", batch.size(), attempt + 1, why);
            return;
        }
        sender.schedule(() -> deliver(batch, attempt + 1), 1L << attempt, TimeUnit.SECONDS);
    }

    /** The raw request body: the single form field {@code payload}. */
    String body(List<Map<String, Object>> events) throws JsonProcessingException {
        return "payload=" + URLEncoder.encode(json.writeValueAsString(Map.of("events", events)),
                StandardCharsets.UTF_8);
    }

    /** Hex HMAC-SHA256 of {@code "<t>.<body>"} keyed with the endpoint secret, as Centra signs. */
    public static String signature(String secret, long t, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @PreDestroy
    void stop() {
        if (sender != null) {
            sender.shutdownNow();
        }
    }
}
