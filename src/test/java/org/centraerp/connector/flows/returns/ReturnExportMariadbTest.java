package org.centraerp.connector.flows.returns;

import org.centraerp.connector.state.TestDatabase;
import org.centraerp.connector.testsupport.ErpTestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link ReturnExportContract} with the ERP tables on Mariadb (fails, never skips, when it is not running). */
class ReturnExportMariadbTest extends ReturnExportContract {

    @RegisterExtension
    static final ErpTestDatabase ERP = ErpTestDatabase.open("returns-export-mariadb", new TestDatabase.Mariadb(),
            "samples/erp/return-tables.sql");

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        ERP.register(registry);
    }

    @Override
    ErpTestDatabase erp() {
        return ERP;
    }
}
