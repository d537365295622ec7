package org.centraerp.connector.flows.masterdata;

import org.centraerp.connector.state.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class MasterDataErpTablesMariadbTest extends MasterDataErpTablesContract {

    @DynamicPropertySource
    static void mariadb(DynamicPropertyRegistry registry) throws Exception {
        erpDatabase(new TestDatabase.Mariadb(), registry);
    }
}
