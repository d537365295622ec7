package org.centraerp.connector.state;

class StateMariadbTest extends StateRepositoriesContract {
    @Override
    TestDatabase database() {
        return new TestDatabase.Mariadb();
    }

    @Override
    DatabaseVendor expectedVendor() {
        return DatabaseVendor.MARIADB;
    }
}
