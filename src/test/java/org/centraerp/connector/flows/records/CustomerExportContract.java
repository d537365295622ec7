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
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
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
// the second test changes another customer: the first counts files from the seeded customers
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class CustomerExportContract {

    @Autowired
    SandboxData sandbox;

    @Autowired
    Watermarks watermarks;

    @Autowired
    CamelContext camel;

    /** The ERP folder of this test. */
    abstract Path erpFolder();

    /** Where this test's customer files go (connector.customers.outbox). */
    Path outbox() {
        return erpFolder().resolve("out/customers");
    }

    /** The ERP database, or null for files only. */
    abstract JdbcTemplate erp();

    @Test
    @Order(1)
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

    @Test
    @Order(2)
    void theWatermarkStaysWhileTheErpWriteFailsAndTheChangeIsExportedOnceItWorks(CapturedOutput output)
            throws IOException {
        await().atMost(Duration.ofSeconds(60)).until(() -> watermarks.read("export-customers").isPresent());
        Customer arya = sandbox.customers.all().get(1);
        breakErpWrite();
        String mark;
        Instant changedAt;
        try {
            mark = watermarks.read("export-customers").orElseThrow();
            changedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            sandbox.customers.put(arya.changed("arya@braavos.example", "Arya", "Stark", changedAt));
            // runs that read the change and fail at the ERP write
            NotifyBuilder failed = new NotifyBuilder(camel).fromRoute("export-customers").whenFailed(2).create();
            assertThat(failed.matches(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            mark = watermarks.read("export-customers").orElseThrow();
            NotifyBuilder more = new NotifyBuilder(camel).fromRoute("export-customers").whenFailed(1).create();
            assertThat(more.matches(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(watermarks.read("export-customers")).contains(mark);
            String changedFile = "customer-" + arya.id() + "-" + changedAt.toString().substring(0, 13);
            assertThat(files(outbox())).noneMatch(f -> f.startsWith(changedFile));
            assertThat(files(away())).noneMatch(f -> f.startsWith(changedFile));
        } finally {
            mendErpWrite();
        }
        String stuck = mark;
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(files())
                .filteredOn(f -> f.startsWith("customer-" + arya.id() + "-")).hasSize(2));
        await().atMost(Duration.ofSeconds(30)).until(() -> !stuck.equals(watermarks.read("export-customers")
                .orElseThrow()));
        assertThat(files()).filteredOn(f -> f.startsWith("customer-" + arya.id() + "-")).hasSize(2)
                .anySatisfy(f -> assertThat(Files.readString(outbox().resolve(f))).contains("arya@braavos.example"));
        if (erp() != null) {
            assertThat(erp().queryForObject("SELECT COUNT(*) FROM erp_customer WHERE email = ?", Integer.class,
                    "arya@braavos.example")).isOne();
        }
        assertThat(output.getAll()).doesNotContain("arya@braavos.example");
    }

    /**
     * Makes the ERP write fail: with an ERP database its customer table is renamed away (files are written after
     * the rows), else the outbox folder is moved away and a plain file put in its place.
     */
    private void breakErpWrite() throws IOException {
        if (erp() != null) {
            erp().execute("ALTER TABLE erp_customer RENAME TO erp_customer_away");
        } else {
            Files.move(outbox(), away());
            Files.writeString(outbox(), "not a folder: the customer files cannot be written");
        }
    }

    private void mendErpWrite() throws IOException {
        if (erp() != null) {
            erp().execute("ALTER TABLE erp_customer_away RENAME TO erp_customer");
        } else {
            Files.delete(outbox());
            Files.move(away(), outbox());
        }
    }

    /** Where the outbox folder waits while the write is broken (files only). */
    private Path away() {
        return outbox().resolveSibling(outbox().getFileName() + "-away");
    }

    private List<String> files() throws IOException {
        return files(outbox());
    }

    private static List<String> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".tmp")).sorted().toList();
        }
    }
}
