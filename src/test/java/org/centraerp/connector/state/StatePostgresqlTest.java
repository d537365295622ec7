package org.centraerp.connector.state;

class StatePostgresqlTest extends StateRepositoriesContract {
    @Override
    TestDatabase database() {
        return new TestDatabase.Postgresql();
    }

    @Override
    DatabaseVendor expectedVendor() {
        return DatabaseVendor.POSTGRESQL;
    }
}
