package org.centraerp.connector.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.camel.impl.DefaultCamelContext;
import org.centraerp.connector.ConnectorApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Mistakes in a customer's mappings stop the start with their problems alone, each naming file, line, key, the bad
 * value and the real cause; nothing of them is left to fail at run time.
 */
@ExtendWith(OutputCaptureExtension.class)
class MappingStartErrorsTest {

    private static DefaultCamelContext camel;

    @TempDir
    Path mappingsDir;

    @BeforeAll
    static void camel() {
        camel = new DefaultCamelContext();
    }

    @AfterAll
    static void stop() {
        camel.stop();
    }

    /** The default mappings as customer "acme", with one file replaced by {@code text}. */
    private Path acmeWith(String file, String search, String replacement) throws IOException {
        Path acme = Files.createDirectories(mappingsDir.resolve("acme"));
        try (Stream<Path> files = Files.list(Path.of("mappings/default"))) {
            for (Path source : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Files.copy(source, acme.resolve(source.getFileName()));
            }
        }
        Path changed = acme.resolve(file);
        String text = Files.readString(changed);
        assertThat(text).contains(search);
        Files.writeString(changed, text.replace(search, replacement));
        return acme;
    }

    private List<String> problems() {
        return new MappingValidator(camel).validate(mappingsDir, "acme").stream().map(MappingProblem::toString).toList();
    }

    @Test
    void aFromThatIsNotAColumnIsRefusedNamingFileLineAndKey() throws IOException {
        acmeWith("stock.yaml", "  - name: quantity       # whole number; absolute mode: >= 0\n    from: quantity",
                "  - name: quantity       # whole number; absolute mode: >= 0\n    from: qty");

        assertThat(problems()).singleElement().asString()
                .matches(mappingsDir.resolve("acme") + "/stock\\.yaml:\\d+: fields\\[3\\]\\.from: .*")
                .contains("'qty' is not one of the columns [sku, warehouse, quantity]");
    }

    @Test
    void aBadTypeRepeatsTheValueAndAMissingLookupIsTheOnlyProblemNamed() throws IOException {
        acmeWith("stock.yaml", "    lookup: centra-warehouse-ids\n    type: integer",
                "    lookup: centra-warehouse-idz\n    type: integr");

        List<String> problems = problems();

        assertThat(problems).hasSize(2);
        assertThat(problems).anyMatch(p -> p.contains("fields[2].type: 'integr' is not one of [string, integer,"));
        assertThat(problems).anyMatch(p -> p.contains("fields[2].lookup: lookup table 'centra-warehouse-idz' does "
                + "not exist"));
        assertThat(problems).noneMatch(p -> p.contains("no field named"));
    }

    @Test
    void anOrderColumnSqlCannotTakeIsRefusedAtStart() throws IOException {
        acmeWith("orders.yaml", "    - name: grand_total", "    - name: grand-total");

        assertThat(problems()).singleElement().asString().contains("orders.yaml:")
                .contains("header.fields[").contains("'grand-total' cannot be a column of table erp_order_header");
    }

    @Test
    void brokenMappingsStopTheStartWithTheProblemsAloneAndNoStackTrace(CapturedOutput output) throws IOException {
        acmeWith("stock.yaml", "    lookup: centra-warehouse-ids\n    type: integer",
                "    lookup: centra-warehouse-idz\n    type: integr");

        assertThatThrownBy(() -> new SpringApplication(ConnectorApplication.class).run(
                "--connector.mappings-dir=" + mappingsDir, "--connector.customer=acme",
                "--spring.main.web-application-type=none"))
                .isInstanceOf(MappingConfigurationError.class);

        String printed = output.getAll();
        assertThat(printed).contains("2 problems in the mappings of customer 'acme'")
                .contains("lookup table 'centra-warehouse-idz' does not exist")
                .doesNotContain("Related cause").doesNotContain("circular reference")
                .doesNotContain("\tat org.").doesNotContain("Error creating bean");
    }
}
