package org.centraerp.connector.state;

class StateH2Test extends StateRepositoriesContract {
    @Override
    TestDatabase database() {
        return new TestDatabase.H2();
    }

    @Override
    DatabaseVendor expectedVendor() {
        return DatabaseVendor.H2;
    }
}
