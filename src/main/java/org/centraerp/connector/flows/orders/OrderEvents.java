package org.centraerp.connector.flows.orders;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.centra.CentraClient.Retry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Centra's events queue as a source of the orders flow: order events are read, their numbers stored in the order
 * inbox (one committed transaction), and only then confirmed, so an event is never confirmed for an order the
 * connector does not hold. Confirmed-but-crashed is impossible; stored-but-not-confirmed gives the same events
 * again, which the inbox merges.
 */
public class OrderEvents {

    /** Queue reads per run at most, so a huge backlog does not hold the route for long. */
    private static final int MAX_READS_PER_RUN = 50;
    private static final Logger log = LoggerFactory.getLogger(OrderEvents.class);

    private final CentraClient centra;
    private final OrderInbox inbox;
    private final TransactionTemplate transaction;
    private final int limit;
    private volatile boolean listening;

    public OrderEvents(CentraClient centra, OrderInbox inbox, TransactionTemplate transaction, OrdersProperties properties) {
        this.centra = centra;
        this.inbox = inbox;
        this.transaction = transaction;
        this.limit = properties.events().limit();
    }

    /** Reads the queue until it is empty (or MAX_READS_PER_RUN pages); returns the events handled. */
    public int read() {
        if (!listening) {
            // Additive and idempotent in Centra: safe at every start and on every instance.
            centra.mutate("setEventListeners", Map.of(), Retry.SAFE).orThrow();
            listening = true;
        }
        int handled = 0;
        for (int read = 0; read < MAX_READS_PER_RUN; read++) {
            JsonNode events = centra.query("events", Map.of("limit", limit)).data().path("events");
            if (events.isEmpty()) {
                break;
            }
            handled += store(events);
            if (events.size() < limit) {
                break;
            }
        }
        return handled;
    }

    private int store(JsonNode events) {
        List<Integer> ids = new ArrayList<>(events.size());
        List<Long> numbers = new ArrayList<>(events.size());
        for (JsonNode event : events) {
            ids.add(event.path("id").asInt());
            JsonNode number = event.path("object").path("number");
            if (number.canConvertToLong()) {
                numbers.add(number.asLong());
            } else if (event.path("objectReference").asText("").matches("\\d{1,18}")) {
                numbers.add(Long.parseLong(event.path("objectReference").asText()));
            } else {
                log.warn("Order event {} names no order number ({}); confirmed without export",
                        event.path("id").asText(), event.path("changeType").asText());
            }
        }
        transaction.executeWithoutResult(status -> numbers.forEach(n -> inbox.notify(n, "events")));
        centra.mutate("confirmEvents", Map.of("ids", ids), Retry.SAFE).orThrow();
        log.info("Centra events queue: orders {} queued for export", numbers);
        return ids.size();
    }
}
