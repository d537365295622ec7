package org.centraerp.connector.erp;

import org.centraerp.connector.state.TestDatabase;
import org.centraerp.connector.testsupport.ErpTestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link ErpTablesContract} with the ERP tables on Mariadb (fails, never skips, when it is not running). */
class ErpTablesMariadbTest extends ErpTablesContract {

    @RegisterExtension
    static final ErpTestDatabase ERP = ErpTestDatabase.open("erp-tables-mariadb", new TestDatabase.Mariadb(),
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
