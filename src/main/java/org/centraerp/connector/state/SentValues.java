package org.centraerp.connector.state;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * What a flow last sent per item (e.g. stock per size x warehouse), so it sends only changes.
 * Call {@link #remember} after the other side accepted the values (a value not remembered is sent again).
 */
public class SentValues {

    // Keeps IN lists and JDBC batches well under every vendor's parameter limits.
    static final int CHUNK = 500;

    private final StateDatabase db;
    private final String upsert;

    public SentValues(StateDatabase db) {
        this.db = db;
        this.upsert = db.vendor().upsert("connector_sent_value",
                List.of("flow", "item_key"), List.of("item_value", "updated_at"));
    }

    /** The entries whose value differs from what was last sent (or that were never sent), in input order. */
    public Map<String, String> changed(String flow, Map<String, String> current) {
        Map<String, String> sent = read(flow, current.keySet());
        Map<String, String> changed = new LinkedHashMap<>();
        current.forEach((key, value) -> {
            if (!sent.containsKey(key) || !Objects.equals(sent.get(key), value)) {
                changed.put(key, value);
            }
        });
        return changed;
    }

    /** Last sent values for these keys; keys never sent are absent. */
    public Map<String, String> read(String flow, Collection<String> keys) {
        Map<String, String> found = new HashMap<>();
        for (List<String> chunk : chunks(new ArrayList<>(keys))) {
            List<Object> args = new ArrayList<>(chunk.size() * 2);
            String where;
            if (db.vendor() == DatabaseVendor.H2) {
                // H2 uses only "flow = ?" of the primary key for "flow = ? AND item_key IN (...)" and scans every
                // row of the flow (quadratic over a 200k-line stock file); a row-value IN uses the whole key.
                where = "(flow, item_key) IN (" + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?)")) + ")";
                chunk.forEach(key -> {
                    args.add(flow);
                    args.add(key);
                });
            } else {
                where = "flow = ? AND item_key IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")";
                args.add(flow);
                args.addAll(chunk);
            }
            db.jdbc().query("SELECT item_key, item_value FROM connector_sent_value WHERE " + where, rs -> {
                found.put(rs.getString(1), rs.getString(2));
            }, args.toArray());
        }
        return found;
    }

    /** Every value last sent in a flow whose key starts with {@code prefix}, one row at a time, by key. */
    public void forEach(String flow, String prefix, BiConsumer<String, String> action) {
        db.jdbc().query("SELECT item_key, item_value FROM connector_sent_value WHERE flow = ? AND item_key LIKE ?"
                + " ORDER BY item_key", rs -> {
                    action.accept(rs.getString(1), rs.getString(2));
                }, flow, prefix.replace("%", "\\%").replace("_", "\\_") + "%");
    }

    /** Stores the values as sent, in batches. */
    public void remember(String flow, Map<String, String> values) {
        LocalDateTime now = db.now();
        List<Object[]> rows = new ArrayList<>(values.size());
        values.forEach((key, value) -> rows.add(new Object[] {flow, key, value, now}));
        for (List<Object[]> chunk : chunks(rows)) {
            db.jdbc().batchUpdate(upsert, chunk);
        }
    }

    /** Forgets keys (next time their value is sent whatever it is). */
    public void forget(String flow, Collection<String> keys) {
        List<Object[]> rows = keys.stream().map(k -> new Object[] {flow, k}).toList();
        for (List<Object[]> chunk : chunks(rows)) {
            db.jdbc().batchUpdate("DELETE FROM connector_sent_value WHERE flow = ? AND item_key = ?", chunk);
        }
    }

    /** Forgets everything a flow sent, e.g. to force a full re-send. */
    public int forgetAll(String flow) {
        return db.jdbc().update("DELETE FROM connector_sent_value WHERE flow = ?", flow);
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        return chunks;
    }
}
