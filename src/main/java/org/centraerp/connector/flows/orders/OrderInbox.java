package org.centraerp.connector.flows.orders;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.centraerp.connector.state.DatabaseVendor;
import org.centraerp.connector.state.StateDatabase;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Orders waiting to be exported (table {@code connector_order_inbox}), one row per order number: the webhook,
 * the events queue and polling all end here, so one order told three times is exported once. Works inside a
 * caller's transaction (the webhook stores its events in one).
 */
public class OrderInbox {

    /** One order an instance has taken for export, with the notification count it saw. */
    public record Claim(long orderNumber, long requested, int attempts) {
    }

    private final JdbcTemplate jdbc;
    private final DatabaseVendor vendor;
    private final Clock clock;

    public OrderInbox(StateDatabase db, Clock clock) {
        this.jdbc = db.jdbc();
        this.vendor = db.vendor();
        this.clock = clock;
    }

    /** Notes that the order is new or changed; it will be fetched and exported if its content is new. */
    public void notify(long orderNumber, String source) {
        LocalDateTime now = now();
        // Keep a later due_at: that is another instance's lease or a back-off, and it will look again.
        String bump = "UPDATE connector_order_inbox SET requested = requested + 1, due_at = COALESCE(due_at, ?),"
                + " last_source = ?, updated_at = ? WHERE order_number = ?";
        noteSource(orderNumber, source, now);
        if (jdbc.update(bump, now, source, now, orderNumber) == 1) {
            return;
        }
        if (!insertIfAbsent(orderNumber, source, now)) {
            jdbc.update(bump, now, source, now, orderNumber); // another notifier inserted it meanwhile
        }
    }

    /** When each source told us (connector_order_source), for the console's order view. */
    private void noteSource(long orderNumber, String source, LocalDateTime now) {
        String bump = "UPDATE connector_order_source SET last_told = ?, times = times + 1"
                + " WHERE order_number = ? AND source = ?";
        if (jdbc.update(bump, now, orderNumber, source) == 1) {
            return;
        }
        String insert = "INSERT INTO connector_order_source (order_number, source, first_told, last_told, times)"
                + " VALUES (?, ?, ?, ?, 1)";
        Object[] args = {orderNumber, source, now, now};
        boolean inserted;
        if (vendor == DatabaseVendor.POSTGRESQL) {
            inserted = jdbc.update(insert + " ON CONFLICT (order_number, source) DO NOTHING", args) == 1;
        } else {
            try {
                inserted = jdbc.update(insert, args) == 1;
            } catch (DuplicateKeyException alreadyThere) {
                inserted = false;
            }
        }
        if (!inserted) {
            jdbc.update(bump, now, orderNumber, source);
        }
    }

    /**
     * Like {@link #notify} unless the order was last fetched with this very {@code updatedAt} (polling sees the
     * same orders again in its overlapping windows). True if the order was noted.
     */
    public boolean notifyIfChanged(long orderNumber, String updatedAt, String source) {
        List<String> seen = jdbc.queryForList("SELECT seen_updated_at FROM connector_order_inbox WHERE order_number = ?",
                String.class, orderNumber);
        if (!seen.isEmpty() && updatedAt != null && updatedAt.equals(seen.get(0))) {
            return false;
        }
        notify(orderNumber, source);
        return true;
    }

    private boolean insertIfAbsent(long orderNumber, String source, LocalDateTime now) {
        String insert = "INSERT INTO connector_order_inbox (order_number, requested, handled, last_source, due_at,"
                + " attempts, created_at, updated_at) VALUES (?, 1, 0, ?, ?, 0, ?, ?)";
        Object[] args = {orderNumber, source, now, now, now};
        if (vendor == DatabaseVendor.POSTGRESQL) {
            // A failed statement would abort the caller's whole PostgreSQL transaction.
            return jdbc.update(insert + " ON CONFLICT (order_number) DO NOTHING", args) == 1;
        }
        try {
            return jdbc.update(insert, args) == 1;
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
    }

    /**
     * Takes up to {@code max} due orders for this instance until {@code lease} runs out. Two instances never
     * take the same order at once: the conditional UPDATE lets only one of them move its due_at.
     */
    public List<Claim> claim(int max, Duration lease) {
        LocalDateTime now = now();
        List<Claim> due = jdbc.query("SELECT order_number, requested, attempts, due_at FROM connector_order_inbox"
                        + " WHERE due_at <= ? AND requested > handled ORDER BY due_at, order_number",
                ps -> {
                    ps.setObject(1, now);
                    ps.setMaxRows(max);
                },
                (rs, i) -> new Claim(rs.getLong(1), rs.getLong(2), rs.getInt(3)));
        List<Claim> claimed = new ArrayList<>(due.size());
        LocalDateTime until = now.plus(lease);
        for (Claim claim : due) {
            int moved = jdbc.update("UPDATE connector_order_inbox SET due_at = ?, updated_at = ?"
                    + " WHERE order_number = ? AND due_at <= ? AND requested > handled", until, now, claim.orderNumber(), now);
            if (moved == 1) {
                claimed.add(claim);
            }
        }
        return claimed;
    }

    /**
     * The order is exported (or needed no export). Done unless a notification came in since it was claimed; then
     * it is due again at once.
     */
    public void handled(Claim claim, String seenUpdatedAt) {
        LocalDateTime now = now();
        jdbc.update("UPDATE connector_order_inbox SET handled = ?, seen_updated_at = COALESCE(?, seen_updated_at),"
                        + " attempts = 0, last_error = NULL, updated_at = ?,"
                        + " due_at = CASE WHEN requested > ? THEN ? ELSE NULL END WHERE order_number = ?",
                claim.requested(), seenUpdatedAt, now, claim.requested(), now, claim.orderNumber());
    }

    /** The attempt failed; the order is tried again after the back-off. Returns the attempts so far. */
    public int failed(Claim claim, String error, Duration backoff) {
        LocalDateTime now = now();
        jdbc.update("UPDATE connector_order_inbox SET attempts = attempts + 1, last_error = ?, due_at = ?, updated_at = ?"
                + " WHERE order_number = ?", cut(error), now.plus(backoff), now, claim.orderNumber());
        return claim.attempts() + 1;
    }

    /** Gives the order back without counting an attempt (e.g. Centra could not be asked at all). */
    public void release(Claim claim, Duration backoff) {
        LocalDateTime now = now();
        jdbc.update("UPDATE connector_order_inbox SET due_at = ?, updated_at = ? WHERE order_number = ?",
                now.plus(backoff), now, claim.orderNumber());
    }

    /** Orders waiting for export (also those in back-off or being exported). */
    public int pending() {
        Integer count = jdbc.queryForObject(
                "SELECT COUNT(*) FROM connector_order_inbox WHERE requested > handled", Integer.class);
        return count == null ? 0 : count;
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    }

    private static String cut(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 999) + "…";
    }
}
