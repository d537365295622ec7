package org.centraerp.connector.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappingValidationTest {

    private static final String BROKEN = "src/test/resources/mappings/broken/";

    private static DefaultCamelContext camel;
    private static MappingValidator validator;

    @BeforeAll
    static void camel() {
        camel = new DefaultCamelContext();
        camel.start();
        validator = new MappingValidator(camel);
    }

    @AfterAll
    static void stop() throws Exception {
        camel.close();
    }

    @Test
    void shippedDefaultMappingsAreValid() {
        assertThat(validator.validate(Path.of("mappings"), "default")).isEmpty();
        MappingSet mappings = validator.load(Path.of("mappings"), "default");
        assertThat(mappings.flows()).contains("lookups", "master-data", "orders", "orders-lookups", "products", "prices",
                "returns", "returns-export", "shipments", "stock", "stock-lookups", "bundles");
        assertThat(mappings.lookups().tables()).containsKeys("warehouses", "countries", "store-types");
        assertThat(mappings.masterData().entities()).containsOnlyKeys(
                "stores", "markets", "warehouses", "pricelists", "sizeCharts");
    }

    @Test
    void brokenMappingsReportEveryProblemWithFileLineAndKey() {
        List<String> problems = validator.validate(Path.of("src/test/resources/mappings"), "broken").stream()
                .map(MappingProblem::toString).toList();

        assertThat(problems).contains(
                BROKEN + "stock.yaml:1: kind: unknown kind 'stok' (kinds: " + MappingKind.names() + ")",
                BROKEN + "empty-kind.yaml:1: missing 'kind' at the top of the file (one of: " + MappingKind.names() + ")",
                BROKEN + "master-data.yaml:18: entities.markets: missing required property 'file'",
                BROKEN + "master-data.yaml:5: csv.header: 'yes': string found, boolean expected",
                BROKEN + "master-data.yaml:17: entities.stores.fields[2].lookup: lookup table 'store-typs' does not exist "
                        + "(tables: store-types, warehouses)",
                BROKEN + "master-data.yaml:30: entities.warehouses.fields[2]: set only one of from, expression, value "
                        + "(found from, value)",
                BROKEN + "master-data.yaml:37: entities.pricelists.fields[0].value: not an integer 'abc' "
                        + "(the field has type: integer)");
        assertThat(problems).anyMatch(p -> p.startsWith(BROKEN + "master-data.yaml:2: format: ")
                && p.contains("is not one of [csv, json]"));
        assertThat(problems).anyMatch(p -> p.startsWith(BROKEN + "master-data.yaml:29: "
                + "entities.warehouses.fields[1].lookup_default: unknown property 'lookup_default' (allowed: name,"));
        assertThat(problems).anyMatch(p -> p.startsWith(BROKEN + "master-data.yaml:26: "
                + "entities.warehouses.fields[0].expression: invalid Simple expression") && p.contains("unknownFunction"));
        assertThat(problems).anyMatch(p -> p.startsWith(BROKEN + "master-data.yaml:45: "
                + "entities.sizeCharts.fields[0].expression: invalid Simple expression '${body[name}'"));
        assertThat(problems).anyMatch(p -> p.startsWith(BROKEN + "master-data.yaml:40: "
                + "entities.pricelists.fields[1].from: invalid JsonPath"));
        assertThat(problems).hasSize(12);
    }

    @Test
    void loadingBrokenMappingsFailsWithOneErrorListingAllProblems() {
        assertThatThrownBy(() -> validator.load(Path.of("src/test/resources/mappings"), "broken"))
                .isInstanceOf(MappingConfigurationError.class)
                .hasMessageStartingWith("12 problems in the mappings of customer 'broken' (src/test/resources/mappings/broken):")
                .hasMessageContaining("\n  - " + BROKEN + "master-data.yaml:17: entities.stores.fields[2].lookup")
                .satisfies(e -> assertThat(((MappingConfigurationError) e).problems()).hasSize(12));
    }

    @Test
    void unknownCustomerNamesTheFoldersThatExist() {
        assertThatThrownBy(() -> validator.load(Path.of("mappings"), "acme"))
                .isInstanceOf(MappingConfigurationError.class)
                .hasMessageContaining("mappings/acme: no folder for customer 'acme' (folders: default)");
    }

    @Test
    void missingMappingsFolderIsNamed() {
        assertThat(validator.validate(Path.of("no-such-folder"), "default")).singleElement().asString()
                .startsWith("no-such-folder/default: the mappings folder does not exist");
    }

    @Test
    void yamlSyntaxErrorsAndDuplicateKeysPointAtTheLine(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("acme"));
        Files.writeString(dir.resolve("acme/lookups.yaml"), "kind: lookups\ntables:\n  a: {x: 1}\n  a: {y: 2}\n");
        Files.writeString(dir.resolve("acme/master-data.yaml"), "kind: master-data\nentities: [unclosed\n");
        List<MappingProblem> problems = validator.validate(dir, "acme");
        assertThat(problems).extracting(MappingProblem::line, MappingProblem::keyPath).containsExactly(
                org.assertj.core.groups.Tuple.tuple(4, "tables.a"), org.assertj.core.groups.Tuple.tuple(2, ""));
        assertThat(problems.get(0).message()).isEqualTo("duplicate key 'a' (first on line 3); keep one");
        assertThat(problems.get(1).message()).startsWith("not valid YAML: ");
    }

    @Test
    void aLookupTableDefinedTwiceIsReported(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("acme"));
        Files.writeString(dir.resolve("acme/lookups.yaml"), "kind: lookups\ntables:\n  warehouses: {WH1: Main}\n");
        Files.writeString(dir.resolve("acme/more-lookups.yaml"), "kind: lookups\ntables:\n  warehouses: {WH2: B}\n");
        assertThat(validator.validate(dir, "acme")).singleElement().asString()
                .endsWith("more-lookups.yaml:3: tables.warehouses: lookup table 'warehouses' is also defined in "
                        + MappingValidator.display(dir.resolve("acme/lookups.yaml")));
    }
}
