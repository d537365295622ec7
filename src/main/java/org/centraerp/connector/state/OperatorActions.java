package org.centraerp.connector.state;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;

/** What operators did in the console (table {@code connector_operator_action}): who, when, what, on what. */
public class OperatorActions {

    /** One action; {@code target} names what it acted on, e.g. {@code dead-letter 17}. */
    public record Action(long id, Instant actedAt, String actor, String action, String target, String detail) {
    }

    private static final int DETAIL_MAX = 1000;
    private static final String COLUMNS = "id, acted_at, actor, action, target, detail";
    private static final RowMapper<Action> ROW = (rs, i) -> new Action(rs.getLong(1),
            StateDatabase.toInstant(rs.getObject(2, LocalDateTime.class)), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6));

    private final StateDatabase db;

    public OperatorActions(StateDatabase db) {
        this.db = db;
    }

    public void record(String actor, String action, String target, String detail) {
        String cut = detail == null || detail.length() <= DETAIL_MAX ? detail : detail.substring(0, DETAIL_MAX - 1) + "…";
        db.jdbc().update("INSERT INTO connector_operator_action (acted_at, actor, action, target, detail)"
                + " VALUES (?, ?, ?, ?, ?)", db.now(), actor, action, target, cut);
    }

    /** Actions on one target, oldest first. */
    public List<Action> on(String target) {
        return db.jdbc().query("SELECT " + COLUMNS + " FROM connector_operator_action WHERE target = ?"
                + " ORDER BY acted_at, id", ROW, target);
    }

    /** The newest actions, newest first. */
    public List<Action> newest(int limit) {
        return db.jdbc().query("SELECT " + COLUMNS + " FROM connector_operator_action ORDER BY acted_at DESC, id DESC",
                ps -> ps.setMaxRows(limit), ROW);
    }
}
