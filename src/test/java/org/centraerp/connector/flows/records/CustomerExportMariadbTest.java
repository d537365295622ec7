package org.centraerp.connector.flows.records;

import java.nio.file.Path;

import org.centraerp.connector.state.TestDatabase;
import org.centraerp.connector.testsupport.ErpTestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Customers to the ERP table erp_customer on Mariadb (fails, never skips, when the server is down). */
class CustomerExportMariadbTest extends CustomerExportContract {

    @RegisterExtension
    static final ErpTestDatabase ERP = ErpTestDatabase.open("customers_mariadb", new TestDatabase.Mariadb(),
            "samples/erp/customer-tables.sql");

    @DynamicPropertySource
    static void erp(DynamicPropertyRegistry registry) {
        ERP.register(registry);
    }

    @Override
    Path erpFolder() {
        return ERP.folder();
    }

    @Override
    JdbcTemplate erp() {
        return ERP.jdbc();
    }
}
