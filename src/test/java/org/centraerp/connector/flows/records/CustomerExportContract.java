package org.centraerp.connector.flows.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;

import org.centraerp.connector.sandbox.store.Customer;
import org.centraerp.connector.sandbox.store.SandboxData;
import org.centraerp.connector.state.Watermarks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Customers to the ERP with nothing but YAML (routes/export-customers.camel.yaml, mappings/default/customers.yaml)
 * on the centra: component: each customer change reaches the ERP once, as a file and, with an ERP database, a row;
 * no customer's personal data reaches the log. One subclass per ERP side.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camel.main.routes-include-pattern=file:routes/export-customers.camel.yaml",
        "connector.customers.schedule=0/2 * * * * ?",
        "connector.customers.page-size=1",
        "connector.sandbox.rate-limit-tier=NONE",
        "connector.centra.rate-limit.requests-per-10s=0"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
abstract class CustomerExportContract {

    @Autowired
    SandboxData sandbox;

    @Autowired
    Watermarks watermarks;

    /** The ERP folder of this test. */
    abstract Path erpFolder();

    /** Where this test's customer files go (connector.customers.outbox). */
    Path outbox() {
        return erpFolder().resolve("out/customers");
    }

    /** The ERP database, or null for files only. */
    abstract JdbcTemplate erp();

    @Test
    void eachCustomerChangeReachesTheErpOnceAndNoPersonalDataIsLogged(CapturedOutput output) throws IOException {
        List<Customer> seeded = sandbox.customers.all();
        assertThat(seeded).isNotEmpty();
        Customer jon = seeded.get(0);
        String prefix = "customer-" + jon.id() + "-2024-01-15T";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(files()).hasSize(seeded.size())
                .anyMatch(f -> f.startsWith(prefix)));
        String first = files().stream().filter(f -> f.startsWith(prefix)).findFirst().orElseThrow();
        assertThat(Files.readString(outbox().resolve(first)))
                .contains("\"email\" : \"" + jon.email() + "\"").contains("\"first_name\" : \"" + jon.firstName() + "\"");

        Instant changedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        sandbox.customers.put(jon.changed("jon@nightswatch.example", "Jon", "Snow", changedAt));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(files()).hasSize(seeded.size() + 1));
        // Later runs (their windows start past the change) add nothing.
        String mark = watermarks.read("export-customers").orElseThrow();
        await().atMost(Duration.ofSeconds(30)).until(() -> !mark.equals(watermarks.read("export-customers").orElseThrow()));
        assertThat(files()).hasSize(seeded.size() + 1)
                .filteredOn(f -> f.startsWith("customer-" + jon.id() + "-")).hasSize(2);
        if (erp() != null) {
            assertThat(erp().queryForList("SELECT email FROM erp_customer WHERE customer_id = ? ORDER BY updated_at",
                    String.class, jon.id())).containsExactly(jon.email(), "jon@nightswatch.example");
            assertThat(erp().queryForObject("SELECT COUNT(*) FROM erp_customer", Integer.class))
                    .isEqualTo(seeded.size() + 1);
        }
        assertThat(output.getAll()).doesNotContain(jon.email()).doesNotContain("jon@nightswatch.example")
                .doesNotContain(jon.lastName());
    }

    private List<String> files() throws IOException {
        Path folder = outbox();
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".tmp")).sorted().toList();
        }
    }
}
