package org.centraerp.connector.webhook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.net.WWWFormCodec;
import org.centraerp.connector.flows.orders.OrderInbox;
import org.centraerp.connector.state.IdempotencyKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The steps of route {@code receive-centra-webhook}: check the signature, read the events, store the order numbers
 * in the order inbox. Storing is one transaction with the webhook's own key (a hash of the body), so Centra
 * sending the same webhook again stores nothing new. Exporting happens later, on the exporter's schedule, so the
 * answer goes back within Centra's 5 s.
 */
@Component("centraWebhook")
@EnableConfigurationProperties(WebhookProperties.class)
public class CentraWebhookReceiver {

    public static final String SIGNATURE = "CentraSignature";
    static final String FLOW = "centra-webhook";
    private static final Logger log = LoggerFactory.getLogger(CentraWebhookReceiver.class);

    private final WebhookSignature signature;
    private final IdempotencyKeys keys;
    private final OrderInbox inbox;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;

    public CentraWebhookReceiver(WebhookProperties properties, ObjectProvider<WebhookClock> clock, IdempotencyKeys keys,
                                 OrderInbox inbox, PlatformTransactionManager transactions, ObjectMapper json) {
        this.signature = new WebhookSignature(properties.secret(), properties.replayWindow(),
                clock.getIfAvailable(() -> new WebhookClock(Clock.systemUTC())).clock());
        this.keys = keys;
        this.inbox = inbox;
        this.transaction = new TransactionTemplate(transactions);
        this.json = json;
        if (!properties.configured()) {
            log.warn("Centra webhooks are refused: CENTRA_WEBHOOK_SECRET is not set");
        }
    }

    /** Throws {@link WebhookRejectedException} unless Centra signed this very body just now. */
    public void verify(@Header(SIGNATURE) String header, @Body byte[] rawBody) {
        signature.verify(header, rawBody);
    }

    /** The events in form field {@code payload}. */
    public List<WebhookEvent> events(@Body byte[] rawBody) {
        String form = new String(rawBody, StandardCharsets.US_ASCII);
        String payload = null;
        for (NameValuePair field : WWWFormCodec.parse(form, StandardCharsets.UTF_8)) {
            if (field.getName().equals("payload")) {
                payload = field.getValue();
            }
        }
        if (payload == null) {
            throw new WebhookPayloadException("no form field 'payload'", null);
        }
        try {
            JsonNode events = json.readTree(payload).path("events");
            if (!events.isArray()) {
                throw new WebhookPayloadException("payload has no 'events' list (is the webhook set to the"
                        + " Integration API type?)", null);
            }
            List<WebhookEvent> result = new ArrayList<>(events.size());
            for (JsonNode event : events) {
                result.add(new WebhookEvent(event.path("type").asText(null), event.path("action").asText(null),
                        event.path("date").asText(null), event.path("id").asText(null)));
            }
            return result;
        } catch (IOException e) {
            throw new WebhookPayloadException("payload is not JSON", e);
        }
    }

    /**
     * Stores the order events' numbers in the order inbox, once per distinct webhook body.
     *
     * @return how many order numbers were stored (0 for a webhook seen before)
     */
    public int store(@Body List<WebhookEvent> events, @Header("CentraWebhookBodyHash") String bodyHash) {
        List<Long> numbers = new ArrayList<>();
        for (WebhookEvent event : events) {
            if (event.isOrder()) {
                numbers.add(orderNumber(event));
            }
        }
        Integer stored = transaction.execute(status -> {
            if (!keys.claim(FLOW, bodyHash)) {
                return 0;
            }
            numbers.forEach(number -> inbox.notify(number, "webhook"));
            return numbers.size();
        });
        if (stored == null || stored == 0) {
            log.info("Centra webhook seen before, nothing stored");
        } else {
            log.info("Centra webhook: orders {} queued for export ({} other events ignored)", numbers,
                    events.size() - numbers.size());
        }
        return stored == null ? 0 : stored;
    }

    private static long orderNumber(WebhookEvent event) {
        try {
            return Long.parseLong(event.id());
        } catch (NumberFormatException e) {
            throw new WebhookPayloadException("order event without a numeric id (the order number)", e);
        }
    }

    /** SHA-256 of the raw body: the webhook's identity for "seen before". */
    public static String bodyHash(byte[] rawBody) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(rawBody));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
