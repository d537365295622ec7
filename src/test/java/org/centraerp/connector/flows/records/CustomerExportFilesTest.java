package org.centraerp.connector.flows.records;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Customers to the ERP on embedded defaults (H2 state, files only), the outbox moved by configuration alone. */
class CustomerExportFilesTest extends CustomerExportContract {

    static final Path ERP = folder();

    @DynamicPropertySource
    static void erp(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:customers-files;DB_CLOSE_DELAY=-1");
        registry.add("connector.erp.folder", ERP::toString);
        registry.add("connector.customers.outbox", () -> "file:" + ERP.resolve("elsewhere/customers"));
    }

    @Override
    Path outbox() {
        return ERP.resolve("elsewhere/customers");
    }

    private static Path folder() {
        try {
            return Files.createTempDirectory("customers-erp");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    Path erpFolder() {
        return ERP;
    }

    @Override
    JdbcTemplate erp() {
        return null;
    }
}
