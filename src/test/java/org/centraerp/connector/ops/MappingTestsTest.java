package org.centraerp.connector.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.camel.impl.DefaultCamelContext;
import org.centraerp.connector.mapping.MappingSet;
import org.centraerp.connector.mapping.MappingValidator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mapping regression tests of every shipped customer pass; a changed mapping shows where its output differs. */
class MappingTestsTest {

    private static DefaultCamelContext camel;

    @TempDir
    Path dir;

    @BeforeAll
    static void camel() {
        camel = new DefaultCamelContext();
        camel.start();
    }

    @AfterAll
    static void stop() throws Exception {
        camel.close();
    }

    private static MappingSet load(Path mappingsDir, String customer) {
        return new MappingValidator(camel).load(mappingsDir, customer);
    }

    @Test
    void everyShippedCustomersMappingTestsPass() throws IOException {
        List<Path> customers;
        try (Stream<Path> folders = Files.list(Path.of("mappings"))) {
            customers = folders.filter(f -> Files.isDirectory(f.resolve("tests"))).sorted().toList();
        }
        assertThat(customers).extracting(p -> p.getFileName().toString()).contains("default");
        for (Path customer : customers) {
            List<MappingTests.Outcome> outcomes = MappingTests.run(load(Path.of("mappings"),
                    customer.getFileName().toString()));
            assertThat(outcomes).as(customer.toString()).hasSizeGreaterThanOrEqualTo(3)
                    .allSatisfy(o -> assertThat(o.passed()).as(o.file() + "\n" + o.difference()).isTrue());
        }
    }

    @Test
    void aChangedMappingPrintsTheDifferingLinesAndFails() throws IOException {
        Path acme = dir.resolve("acme");
        try (Stream<Path> files = Files.walk(Path.of("mappings/default"))) {
            for (Path file : files.toList()) {
                Path target = acme.resolve(Path.of("mappings/default").relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        Path orders = acme.resolve("orders.yaml");
        Files.writeString(orders, Files.readString(orders).replace("from: market.name", "from: pricelist.name"));
        Path customers = acme.resolve("customers.yaml");
        Files.writeString(customers, Files.readString(customers).replace("from: lastName", "from: firstName"));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = MappingTests.print(MappingTests.run(load(dir, "acme")), new PrintStream(bytes, true,
                StandardCharsets.UTF_8));

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(status).isEqualTo(1);
        assertThat(out).contains("FAILED " + acme.resolve("tests/orders/direct-to-consumer.centra.json"))
                .contains("-   \"market\" : \"Sweden\",").contains("+   \"market\" : \"SEK\",")
                .contains("ok     " + acme.resolve("tests/master-data/warehouses/seeded.centra.json"))
                .contains("ok     " + acme.resolve("tests/returns/completed.centra.json"))
                // a flow of mapping kind export is tested too
                .contains("FAILED " + acme.resolve("tests/customers/changed.centra.json"))
                .contains("-   \"last_name\" : \"Customer\"").contains("+   \"last_name\" : \"Test\"")
                .contains("check failed: 3 of 5 mapping tests differ");
    }
}
