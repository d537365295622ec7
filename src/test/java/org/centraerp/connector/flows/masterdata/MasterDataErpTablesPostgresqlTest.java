package org.centraerp.connector.flows.masterdata;

import org.centraerp.connector.state.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class MasterDataErpTablesPostgresqlTest extends MasterDataErpTablesContract {

    @DynamicPropertySource
    static void postgresql(DynamicPropertyRegistry registry) throws Exception {
        erpDatabase(new TestDatabase.Postgresql(), registry);
    }
}
