package org.centraerp.connector.erp;

import org.centraerp.connector.state.TestDatabase;

/** {@link ErpSetupContract} on PostgreSQL, in a fresh schema (fails, never skips, when it is not running). */
class ErpSetupPostgresqlTest extends ErpSetupContract {
    @Override
    TestDatabase database() {
        return new TestDatabase.Postgresql();
    }
}
