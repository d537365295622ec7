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
                .containsPattern("export-orders\\s+lacks Order:read")
                .containsPattern("export-returns\\s+lacks Return:read")
                .containsPattern("import-bundle-file\\s+lacks Product:read")
                .contains("check failed: the token lacks Market:read, Order:read, Pricelist:read, Product:read, "
                        + "Return:read, SizeChart:read, Warehouse:read — add them to the Integration API token");
        assertNoStackTrace(output);
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

    /** Other tests' application contexts share the JVM's output, so look only after check's own lines. */
    private static void assertNoStackTrace(CapturedOutput output) {
        String out = output.getOut();
        int from = Math.max(0, out.indexOf("Centra: "));
        int failed = out.indexOf("check failed:");
        String own = out.substring(failed >= 0 ? failed : from);
        assertThat(own.lines().limit(5)).noneMatch(line -> line.startsWith("\tat ") || line.startsWith("Caused by"));
    }
}
