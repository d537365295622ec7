package org.centraerp.connector.state;

import org.springframework.dao.DuplicateKeyException;

/**
 * An INSERT that reports "already there" instead of failing, without spoiling the caller's
 * transaction: a failed statement aborts a whole PostgreSQL transaction, so there we use
 * ON CONFLICT DO NOTHING; H2 and MariaDB roll back only the failed statement.
 */
final class IdempotentInsert {

    private final StateDatabase db;

    IdempotentInsert(StateDatabase db) {
        this.db = db;
    }

    /**
     * @param insertSql      a plain {@code INSERT INTO t (...) VALUES (...)}
     * @param conflictTarget the unique columns, e.g. {@code (flow, business_key)}
     * @return true if the row was inserted, false if a row with the same unique key exists
     */
    boolean insert(String insertSql, String conflictTarget, Object... args) {
        if (db.vendor() == DatabaseVendor.POSTGRESQL) {
            return db.jdbc().update(insertSql + " ON CONFLICT " + conflictTarget + " DO NOTHING", args) == 1;
        }
        try {
            return db.jdbc().update(insertSql, args) == 1;
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
    }
}
