package org.centraerp.connector.flows.orders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.state.PollWindow;
import org.centraerp.connector.state.Watermarks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The safety net under webhooks and events: on a schedule, every order Centra changed since the last poll (minus
 * an overlap) goes to the order inbox, unless it was last fetched in that very state.
 *
 * <p>Pages of a list can shift while orders change (an order updated again leaves the window and the next page
 * starts one later, skipping one). So a window is read as one page: a full page splits the window in two halves,
 * each read again, down to one second.
 */
public class OrderPolling {

    static final String WATERMARK = "orders-poll";
    private static final Logger log = LoggerFactory.getLogger(OrderPolling.class);
    private static final DateTimeFormatter CENTRA_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);

    private final CentraClient centra;
    private final OrderInbox inbox;
    private final Watermarks watermarks;
    private final OrdersProperties.Poll properties;
    private final Clock clock;

    public OrderPolling(CentraClient centra, OrderInbox inbox, Watermarks watermarks, OrdersProperties properties,
                        Clock clock) {
        this.centra = centra;
        this.inbox = inbox;
        this.watermarks = watermarks;
        this.properties = properties.poll();
        this.clock = clock;
    }

    /** One poll; the watermark moves to its end only when every order in the window is in the inbox. */
    public int poll() {
        PollWindow next = PollWindow.next(watermarks, WATERMARK, clock, properties.overlap(),
                properties.initialLookback());
        Instant from = next.from();
        Instant to = next.to();
        int noted = window(from, to);
        if (!next.close()) {
            log.debug("Order poll watermark moved by another instance meanwhile");
        }
        if (noted > 0) {
            log.info("Order poll {} .. {}: {} changed orders queued for export", from, to, noted);
        }
        return noted;
    }

    private int window(Instant from, Instant to) {
        int limit = properties.pageSize();
        JsonNode orders = centra.query("ordersUpdated", Map.of("from", CENTRA_TIME.format(from),
                "to", CENTRA_TIME.format(to), "limit", limit, "page", 1)).data().path("orders");
        if (orders.size() >= limit) {
            Duration length = Duration.between(from, to);
            if (length.getSeconds() > 1) {
                Instant middle = from.plus(length.dividedBy(2)).truncatedTo(ChronoUnit.SECONDS);
                return window(from, middle) + window(middle, to);
            }
            // More than a page of changes within one second: page through them (rare enough to risk a shift).
            return note(centra.pages("ordersUpdated", Map.of("from", CENTRA_TIME.format(from),
                    "to", CENTRA_TIME.format(to)), "orders", limit).toList());
        }
        return note(orders);
    }

    private int note(Iterable<JsonNode> orders) {
        int noted = 0;
        for (JsonNode order : orders) {
            if (inbox.notifyIfChanged(order.path("number").asLong(), order.path("updatedAt").asText(null), "poll")) {
                noted++;
            }
        }
        return noted;
    }
}
