package org.centraerp.connector.state;

import java.sql.PreparedStatement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** Failed records: visible to the operator, replayable after a fix. */
public class DeadLetters {

    private static final String COLUMNS =
            "id, flow, source, business_key, reason, payload, created_at, replayed_at, discarded_at, discard_reason";
    private static final String OPEN = "replayed_at IS NULL AND discarded_at IS NULL";
    // Column limits from V1__connector_state.sql; a longer text is cut rather than losing the record.
    private static final int SOURCE_MAX = 1000;
    private static final int KEY_MAX = 255;
    private static final int REASON_MAX = 4000;
    private static final int DISCARD_REASON_MAX = 1000;

    private final StateDatabase db;

    public DeadLetters(StateDatabase db) {
        this.db = db;
    }

    /** Stores the failure and returns its id. Call it before a dead-letter channel marks the exchange handled. */
    public long record(DeadLetter letter) {
        KeyHolder keys = new GeneratedKeyHolder();
        db.jdbc().update(connection -> {
            PreparedStatement ps = connection.prepareStatement("INSERT INTO connector_dead_letter "
                    + "(flow, source, business_key, reason, payload, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    new String[] {"id"});
            ps.setString(1, letter.flow());
            ps.setString(2, cut(letter.source(), SOURCE_MAX));
            ps.setString(3, cut(letter.businessKey(), KEY_MAX));
            ps.setString(4, cut(letter.reason(), REASON_MAX));
            ps.setString(5, letter.payload());
            ps.setObject(6, db.now());
            return ps;
        }, keys);
        return keys.getKeyAs(Number.class).longValue();
    }

    public long record(String flow, String source, String businessKey, String reason, String payload) {
        return record(DeadLetter.of(flow, source, businessKey, reason, payload));
    }

    public Optional<DeadLetter> find(long id) {
        return db.jdbc().query("SELECT " + COLUMNS + " FROM connector_dead_letter WHERE id = ?", ROW, id)
                .stream().findFirst();
    }

    /** Open (not yet replayed) letters of a flow, oldest first; {@code flow == null}: every flow. */
    public List<DeadLetter> listOpen(String flow, int limit) {
        return list(flow, true, limit);
    }

    /** Letters of a flow, oldest first; {@code flow == null}: every flow. */
    public List<DeadLetter> list(String flow, boolean onlyOpen, int limit) {
        String where = (flow == null ? "1 = 1" : "flow = ?") + (onlyOpen ? " AND " + OPEN : "");
        return db.jdbc().query("SELECT " + COLUMNS + " FROM connector_dead_letter WHERE " + where
                + " ORDER BY created_at, id", ps -> {
                    if (flow != null) {
                        ps.setString(1, flow);
                    }
                    ps.setMaxRows(limit);
                }, ROW);
    }

    public int countOpen(String flow) {
        Integer count = db.jdbc().queryForObject(
                "SELECT COUNT(*) FROM connector_dead_letter WHERE flow = ? AND " + OPEN, Integer.class, flow);
        return count == null ? 0 : count;
    }

    /** Open letters per flow, for the console and the dead-letter gauge. */
    public Map<String, Integer> countOpenByFlow() {
        Map<String, Integer> counts = new TreeMap<>();
        db.jdbc().query("SELECT flow, COUNT(*) FROM connector_dead_letter WHERE " + OPEN + " GROUP BY flow",
                rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                });
        return counts;
    }

    /** Flows that ever had a dead letter, by name. */
    public List<String> flows() {
        return db.jdbc().queryForList("SELECT DISTINCT flow FROM connector_dead_letter ORDER BY flow", String.class);
    }

    /**
     * Letters newest first, for the console; {@code flow == null}: every flow; {@code state}: open, replayed,
     * discarded, or null for all.
     */
    public List<DeadLetter> newest(String flow, String state, int limit) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder("1 = 1");
        if (flow != null) {
            where.append(" AND flow = ?");
            args.add(flow);
        }
        if ("open".equals(state)) {
            where.append(" AND ").append(OPEN);
        } else if ("replayed".equals(state)) {
            where.append(" AND replayed_at IS NOT NULL");
        } else if ("discarded".equals(state)) {
            where.append(" AND discarded_at IS NOT NULL");
        }
        return db.jdbc().query("SELECT " + COLUMNS + " FROM connector_dead_letter WHERE " + where
                + " ORDER BY created_at DESC, id DESC", ps -> {
                    for (int i = 0; i < args.size(); i++) {
                        ps.setObject(i + 1, args.get(i));
                    }
                    ps.setMaxRows(limit);
                }, ROW);
    }

    /** Open letters of one business key in a flow (e.g. an order number), newest first. */
    public List<DeadLetter> byKey(String flow, String businessKey) {
        return db.jdbc().query("SELECT " + COLUMNS + " FROM connector_dead_letter WHERE flow = ? AND business_key = ?"
                + " ORDER BY created_at DESC, id DESC", ROW, flow, businessKey);
    }

    /** True if this call discarded it; false if it was replayed or discarded already, or does not exist. */
    public boolean discard(long id, String reason) {
        return db.jdbc().update("UPDATE connector_dead_letter SET discarded_at = ?, discard_reason = ?"
                + " WHERE id = ? AND " + OPEN, db.now(), cut(reason, DISCARD_REASON_MAX), id) == 1;
    }

    /** True if this call marked it; false if it was replayed already or does not exist. */
    public boolean markReplayed(long id) {
        return db.jdbc().update("UPDATE connector_dead_letter SET replayed_at = ? WHERE id = ? AND " + OPEN,
                db.now(), id) == 1;
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static final RowMapper<DeadLetter> ROW = (rs, i) -> new DeadLetter(
            rs.getLong("id"), rs.getString("flow"), rs.getString("source"), rs.getString("business_key"),
            rs.getString("reason"), rs.getString("payload"),
            StateDatabase.toInstant(rs.getObject("created_at", LocalDateTime.class)),
            StateDatabase.toInstant(rs.getObject("replayed_at", LocalDateTime.class)),
            StateDatabase.toInstant(rs.getObject("discarded_at", LocalDateTime.class)), rs.getString("discard_reason"));
}
