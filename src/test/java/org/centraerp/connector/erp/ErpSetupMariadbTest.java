package org.centraerp.connector.erp;

import org.centraerp.connector.state.TestDatabase;

/** {@link ErpSetupContract} on MariaDB, in a fresh database (fails, never skips, when it is not running). */
class ErpSetupMariadbTest extends ErpSetupContract {
    @Override
    TestDatabase database() {
        return new TestDatabase.Mariadb();
    }
}
