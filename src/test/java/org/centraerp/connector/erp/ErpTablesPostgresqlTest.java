package org.centraerp.connector.erp;

import org.centraerp.connector.state.TestDatabase;
import org.centraerp.connector.testsupport.ErpTestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link ErpTablesContract} with the ERP tables on Postgresql (fails, never skips, when it is not running). */
class ErpTablesPostgresqlTest extends ErpTablesContract {

    @RegisterExtension
    static final ErpTestDatabase ERP = ErpTestDatabase.open("erp-tables-postgresql", new TestDatabase.Postgresql(),
            "samples/erp/inbound-tables.sql");

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        ERP.register(registry);
    }

    @Override
    ErpTestDatabase erp() {
        return ERP;
    }
}
