package org.centraerp.connector.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.camel.impl.DefaultCamelContext;
import org.centraerp.connector.centra.CentraSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Queries built from the mappings' from: paths, checked against a Centra schema (here the sandbox's SDL). */
class CentraQueriesTest {

    private static DefaultCamelContext camel;
    private static CentraSchema schema;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() throws IOException {
        camel = new DefaultCamelContext();
        camel.start();
        schema = CentraSchema.fromSdl(sandboxSdl());
    }

    @AfterAll
    static void stop() throws Exception {
        camel.close();
    }

    /** The sandbox's schema files, as the sandbox serves them. */
    static String sandboxSdl() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/sandbox/schema"))) {
            StringBuilder sdl = new StringBuilder();
            for (Path file : files.filter(f -> f.toString().endsWith(".graphqls")).sorted().toList()) {
                sdl.append(Files.readString(file)).append('\n');
            }
            return sdl.toString();
        }
    }

    private Path customer(String name) throws IOException {
        Path target = dir.resolve(name);
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(Path.of("mappings/default"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        return target;
    }

    private CentraQueries.Outcome plan(String customer) {
        return CentraQueries.plan(new MappingValidator(camel).load(dir, customer), schema);
    }

    private static void replace(Path file, String from, String to) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(text).contains(from);
            Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(CentraQueries.Outcome outcome, String document) {
        return outcome.queries().stream().filter(q -> q.document().equals(document)).findFirst().orElseThrow().text();
    }

    @Test
    void defaultMappingsBuildEachFlowsQueryWithFragmentsWhereOnlyOneKindOfOrderHasTheField() throws IOException {
        customer("default");
        CentraQueries.Outcome outcome = plan("default");

        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.queries()).extracting(CentraQueries.Query::document).containsExactly(
                "orders", "returns/returns", "customers", "stores", "markets", "warehouses", "pricelists", "sizeCharts");
        String orders = text(outcome, "orders");
        assertThat(orders)
                .containsPattern("orders\\(where: \\{number ?: \\$numbers}, limit: \\$limit\\)")
                .contains("lines(includeFullyCancelled: true)")
                .contains("grandTotal {")
                .containsPattern("totals \\{\\s+shipping \\{\\s+value\\s+}\\s+taxIncluded \\{\\s+value")
                .containsPattern("\\.\\.\\. on DirectToConsumerOrder \\{\\s+customer \\{\\s+id\\s+email")
                .containsPattern("\\.\\.\\. on WholesaleOrder \\{\\s+purchaseOrderNumber")
                .contains("productSize {")
                // not read by the default mapping: not asked for
                .doesNotContain("itemsSubtotal").doesNotContain("cellPhoneNumber");
        assertThat(text(outcome, "markets")).contains("assignedToCountries {").contains("store {");
        assertThat(outcome.problems()).isEmpty();
    }

    @Test
    void aNewFieldInTheMappingIsAskedFor() throws IOException {
        Path acme = customer("acme");
        replace(acme.resolve("orders.yaml"), "    - name: comment\n      from: internalComment\n",
                "    - name: comment\n      from: internalComment\n    - name: items_subtotal\n"
                        + "      from: totals.itemsSubtotal.value\n      type: decimal\n");

        assertThat(text(plan("acme"), "orders")).containsPattern("itemsSubtotal \\{\\s+value");
    }

    @Test
    void aMistypedPathNamesFileLineKeyAndTheClosestField() throws IOException {
        Path acme = customer("acme");
        replace(acme.resolve("orders.yaml"), "from: grandTotal.value", "from: grandTotl.value");
        int line = lineOf(acme.resolve("orders.yaml"), "from: grandTotl.value");

        List<String> problems = plan("acme").problems().stream().map(MappingProblem::toString).toList();

        assertThat(problems).containsExactly(MappingValidator.display(acme.resolve("orders.yaml")) + ":" + line
                + ": header.fields[8].from: Order has no field 'grandTotl' (did you mean 'grandTotal'?)");
    }

    @Test
    void aTypeThatCannotHoldTheCentraValueAndAnObjectAsValueAreProblems() throws IOException {
        Path acme = customer("acme");
        replace(acme.resolve("orders.yaml"), "      from: isOnHold\n      type: boolean",
                "      from: isOnHold\n      type: decimal");
        replace(acme.resolve("master-data.yaml"), "from: store.id", "from: store");

        List<String> problems = plan("acme").problems().stream().map(MappingProblem::toString).toList();

        assertThat(problems).anyMatch(p -> p.contains("header.fields[4].from: 'isOnHold' is a Boolean in Centra: it"
                + " cannot be type: decimal"));
        assertThat(problems).anyMatch(p -> p.contains("entities.markets.fields[2].from: 'store' is an object (Store),"
                + " not a value: read one of its fields"));
    }

    @Test
    void aHandWrittenQueryReplacesTheBuiltOneAndMustAskForWhatTheMappingReads() throws IOException {
        Path acme = customer("acme");
        Files.createDirectories(acme.resolve("queries"));
        Files.writeString(acme.resolve("queries/warehouses.graphql"),
                "query warehouses($limit: Int, $page: Int) {\n  warehouses(limit: $limit, page: $page) {\n"
                        + "    id\n    name\n  }\n}\n");

        CentraQueries.Outcome outcome = plan("acme");

        assertThat(outcome.problems()).extracting(MappingProblem::toString).containsExactly(
                MappingValidator.display(acme.resolve("queries/warehouses.graphql"))
                        + ": does not ask for status, which entities.warehouses.fields[2].from reads",
                MappingValidator.display(acme.resolve("queries/warehouses.graphql"))
                        + ": does not ask for status, which entities.warehouses.fields[3].from reads");

        Files.writeString(acme.resolve("queries/warehouses.graphql"),
                "query warehouses($limit: Int, $page: Int) {\n  warehouses(limit: $limit, page: $page) {\n"
                        + "    id\n    name\n    status\n    colour\n  }\n}\n");
        assertThat(plan("acme").problems()).extracting(MappingProblem::toString)
                .anyMatch(p -> p.contains(":6: Centra would refuse it:") && p.contains("colour"));
    }

    @Test
    void aRoutesOwnQueryIsCheckedAgainstTheSchemaToo() throws IOException {
        Path acme = customer("acme");
        Files.createDirectories(acme.resolve("queries"));
        Files.writeString(acme.resolve("queries/customerEmails.graphql"),
                "query customerEmails($limit: Int, $page: Int) {\n  customers(limit: $limit, page: $page) {\n"
                        + "    id\n    emial\n  }\n}\n");

        assertThat(plan("acme").problems()).extracting(MappingProblem::toString).singleElement().satisfies(p ->
                assertThat(p).startsWith(MappingValidator.display(acme.resolve("queries/customerEmails.graphql"))
                        + ":4: Centra would refuse it:").contains("emial"));
    }

    private static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }
}
