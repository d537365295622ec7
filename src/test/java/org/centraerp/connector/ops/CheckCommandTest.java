package org.centraerp.connector.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** {@code check} as a user runs it: the whole application, its exit status and what it prints. */
@ExtendWith(OutputCaptureExtension.class)
class CheckCommandTest {

    private static int check(String... extra) {
        List<String> args = new ArrayList<>(List.of("check",
                "--spring.datasource.url=jdbc:h2:mem:check-" + System.nanoTime(),
                "--connector.centra.retry.max-attempts=2",
                "--connector.centra.retry.initial-backoff=10ms"));
        args.addAll(List.of(extra));
        return CheckCommand.run(args.toArray(String[]::new));
    }

    @Test
    void embeddedDefaultsPassAndPrintStoresAndPermissions(CapturedOutput output) {
        int status = check();

        assertThat(status).isZero();
        assertThat(output.getOut())
                .contains("/sandbox/graphql")
                .containsPattern("1\\s+Retail\\s+DIRECT_TO_CONSUMER")
                .containsPattern("2\\s+Wholesale\\s+WHOLESALE")
                .contains("Permissions used: Store:read")
                .containsPattern("export-master-data\\s+ok")
                .contains("check: OK")
                // a free port, not the configured 8080 a running connector may hold
                .doesNotContain("127.0.0.1:8080/");
        assertNoStackTrace(output);
    }

    @Test
    void tokenExpiryIsShown(CapturedOutput output) {
        String in5Days = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(5).toString();

        int status = check("--connector.centra.token-expires=" + in5Days);

        assertThat(status).isZero();
        assertThat(output.getOut()).contains("Token expires: " + in5Days + " (in 5 days)");
    }

    @Test
    void expiredTokenFailsWithOneLineSayingWhatToDo(CapturedOutput output) {
        int status = check("--connector.centra.token=sandbox-expired-token");

        assertThat(status).isEqualTo(1);
        assertThat(output.getOut()).contains("check failed: Centra rejected the token").contains("CENTRA_TOKEN");
        assertNoStackTrace(output);
    }

    @Test
    void tokenWithoutTheFlowsPermissionsIsNamed(CapturedOutput output) {
        int status = check("--connector.centra.token=sandbox-stores-token");

        assertThat(status).isEqualTo(2);
        assertThat(output.getOut())
                .containsPattern("export-master-data\\s+lacks Market:read, Warehouse:read, Pricelist:read, SizeChart:read")
                .containsPattern("export-orders\\s+lacks Order:read, Order.isLocked:write")
                .containsPattern("export-returns\\s+lacks Return:read")
                .containsPattern("export-customers\\s+lacks Customer:read")
                .containsPattern("import-bundle-file\\s+lacks Product:read, Bundle:write")
                .containsPattern("import-return-file\\s+lacks Order:read, Return:write")
                .contains("check failed: the token lacks Bundle:write, Customer:read, Display:write, Market:read,"
                        + " Order.isLocked:write,"
                        + " Order:read, Price:write, Pricelist:read, Product:read, Product:write, ProductVariant:write,"
                        + " Return:read, Return:write, Shipment:write, SizeChart:read, StockChange:write, Warehouse:read"
                        + " — add them to the Integration API token");
        assertNoStackTrace(output);
    }

    @Test
    void readOnlyTokenLacksTheWritePermissionsOfTheFlows(CapturedOutput output) {
        int status = check("--connector.centra.token=sandbox-readonly-token");

        assertThat(status).isEqualTo(2);
        assertThat(output.getOut())
                .containsPattern("import-stock-file\\s+lacks StockChange:write")
                .containsPattern("export-orders\\s+lacks Order.isLocked:write")
                .containsPattern("import-product-file\\s+lacks Product:write, ProductVariant:write, Display:write")
                .containsPattern("import-bundle-file\\s+lacks Bundle:write")
                .containsPattern("import-price-file\\s+lacks Price:write")
                .containsPattern("import-shipment-file\\s+lacks Shipment:write")
                .containsPattern("import-return-file\\s+lacks Return:write")
                .containsPattern("export-master-data\\s+ok")
                .containsPattern("export-customers\\s+ok")
                .contains("check failed: the token lacks Bundle:write, Display:write, Order.isLocked:write, Price:write,"
                        + " Product:write, ProductVariant:write, Return:write, Shipment:write, StockChange:write");
        assertNoStackTrace(output);
    }

    @Test
    void againstARealCentraNoWebServerIsStartedAndNoRoute() {
        try (var context = CommandApplication.start(CheckCommand.NAME, new String[] {
                "--spring.datasource.url=jdbc:h2:mem:check-web-" + System.nanoTime(),
                "--connector.centra.url=https://brand.centra.example/graphql", "--connector.centra.token=t"},
                org.centraerp.connector.ConnectorApplication.CHECK_DEFAULTS, true)) {
            assertThat(context).isNotInstanceOf(org.springframework.boot.web.context.WebServerApplicationContext.class);
            assertThat(context.getBean(org.apache.camel.CamelContext.class).getRoutes()).isNotEmpty()
                    .allMatch(route -> !context.getBean(org.apache.camel.CamelContext.class).getRouteController()
                            .getRouteStatus(route.getRouteId()).isStarted());
        }
    }

    @Test
    void theVerbIsFoundWhereverItStands() {
        var found = Verbs.find(new String[] {"--spring.profiles.active=demo", "check", "--x=1"}).orElseThrow();
        assertThat(found.name()).isEqualTo("check");
        assertThat(found.args()).containsExactly("--spring.profiles.active=demo", "--x=1");
        assertThat(Verbs.find(new String[] {"--spring.profiles.active=demo"})).isEmpty();
        assertThat(Verbs.find(new String[] {"reset-state"}).orElseThrow().name()).isEqualTo("reset-state");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Verbs.find(new String[] {"chek"}))
                .hasMessageContaining("unknown command 'chek'").hasMessageContaining("check, reset-state");
    }

    @Test
    void plainHttpToARemoteHostIsRefusedBeforeAnyCall(CapturedOutput output) {
        int status = check("--connector.centra.url=http://brand.centra.example/graphql", "--connector.centra.token=t");

        assertThat(status).isEqualTo(1);
        assertThat(output.getOut()).contains("check failed: CENTRA_URL must use https://");
        assertNoStackTrace(output);
    }

    @Test
    void unreachableCentraIsOneClearLine(CapturedOutput output) {
        int status = check("--connector.centra.url=http://127.0.0.1:9/graphql", "--connector.centra.token=t");

        assertThat(status).isEqualTo(1);
        assertThat(output.getOut()).contains("check failed: Centra at http://127.0.0.1:9/graphql is unreachable");
        assertNoStackTrace(output);
    }

    @Test
    void unknownMappingCustomerStopsStartUpWithOneLine(CapturedOutput output) {
        int status = check("--connector.customer=no-such-brand");

        assertThat(status).isEqualTo(3);
        assertThat(output.getOut()).contains("check failed:").contains("no-such-brand").contains("default");
        assertNoStackTrace(output);
    }

    @Test
    void aMappingTestThatDiffersIsPrintedWithItsDiffAndCheckExitsOne(CapturedOutput output,
                                                                    @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path from = java.nio.file.Path.of("mappings/default");
        java.nio.file.Path acme = dir.resolve("acme");
        try (var files = java.nio.file.Files.walk(from)) {
            for (java.nio.file.Path file : files.toList()) {
                java.nio.file.Path target = acme.resolve(from.relativize(file).toString());
                if (java.nio.file.Files.isDirectory(file)) {
                    java.nio.file.Files.createDirectories(target);
                } else {
                    java.nio.file.Files.copy(file, target);
                }
            }
        }
        // a real field of Centra's Customer (the schema check passes), but not what the expected file says
        java.nio.file.Path customers = acme.resolve("customers.yaml");
        java.nio.file.Files.writeString(customers, java.nio.file.Files.readString(customers)
                .replace("from: lastName", "from: firstName"));

        int status = check("--connector.mappings-dir=" + dir, "--connector.customer=acme");

        assertThat(status).isEqualTo(1);
        String out = output.getOut().substring(output.getOut().lastIndexOf("Mapping tests:"));
        assertThat(out).contains("ok     " + acme.resolve("tests/orders/direct-to-consumer.centra.json"))
                .contains("FAILED " + acme.resolve("tests/customers/changed.centra.json"))
                .contains("line 6:").contains("-   \"last_name\" : \"Customer\"")
                .contains("+   \"last_name\" : \"Test\"")
                .contains("check failed: 1 of 5 mapping tests differ from their expected output");
        assertThat(output.getOut()).contains("check: OK");
    }

    /** Other tests' application contexts share the JVM's output, so look only after check's own lines. */
    private static void assertNoStackTrace(CapturedOutput output) {
        String out = output.getOut();
        int from = Math.max(0, out.indexOf("Centra: "));
        int failed = out.indexOf("check failed:");
        String own = out.substring(failed >= 0 ? failed : from);
        assertThat(own.lines().limit(5)).noneMatch(line -> line.startsWith("\tat ") || line.startsWith("Caused by"));
    }
}
