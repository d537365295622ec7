package org.centraerp.connector.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.centraerp.connector.state.CentraSchemaCache;
import org.centraerp.connector.state.StateDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Mappings checked against the schema Centra (here the built-in sandbox) gives by introspection, at start and in
 * {@code check}; the schema last read is kept for starts while Centra is out of reach.
 */
@ExtendWith(OutputCaptureExtension.class)
class MappingSchemaCheckTest {

    private static final String UNREACHABLE = "http://127.0.0.1:9/graphql";

    @TempDir
    Path dir;

    private Path mistyped() throws IOException {
        Path acme = dir.resolve("mappings/acme");
        Files.createDirectories(acme);
        try (Stream<Path> files = Files.list(Path.of("mappings/default"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, acme.resolve(file.getFileName()));
            }
        }
        Path orders = acme.resolve("orders.yaml");
        Files.writeString(orders, Files.readString(orders).replace("from: grandTotal.value", "from: grandTotl.value"),
                StandardCharsets.UTF_8);
        return orders;
    }

    private static int check(String database, String... extra) {
        List<String> args = new ArrayList<>(List.of("check", "--spring.datasource.url=" + database,
                "--connector.centra.retry.max-attempts=1"));
        args.addAll(List.of(extra));
        return CheckCommand.run(args.toArray(String[]::new));
    }

    private static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        return lines.indexOf(lines.stream().filter(l -> l.contains(text)).findFirst().orElseThrow()) + 1;
    }

    @Test
    void aMistypedFromPathFailsCheckWithTheLineAndTheClosestField(CapturedOutput output) throws IOException {
        Path orders = mistyped();

        int status = check("jdbc:h2:mem:schema-check-" + System.nanoTime(),
                "--connector.mappings-dir=" + dir.resolve("mappings"), "--connector.customer=acme");

        assertThat(status).isEqualTo(1);
        assertThat(output.getOut()).contains(orders.normalize().toString().replace('\\', '/') + ":"
                + lineOf(orders, "grandTotl") + ": header.fields[8].from: Order has no field 'grandTotl'"
                + " (did you mean 'grandTotal'?)");
    }

    @Test
    void withCentraOutOfReachTheSchemaReadLastIsUsedAndTheStartGoesOnWithAWarning(CapturedOutput output)
            throws IOException {
        String database = "jdbc:h2:file:" + dir.resolve("state/connector").toAbsolutePath();
        Path orders = mistyped();
        assertThat(check(database)).isZero(); // default mappings; the sandbox's schema is read and kept
        DataSource state = new DriverManagerDataSource(database, "sa", "");
        CentraSchemaCache cache = new CentraSchemaCache(new StateDatabase(state));
        String kept = cache.read("sandbox").orElseThrow();
        assertThat(kept).contains("type DirectToConsumerOrder implements Order");
        // As if that Centra were now out of reach: its schema is kept under its address.
        cache.save(UNREACHABLE, kept);

        // Same state database, a Centra out of reach: the kept schema still refuses the mistyped path.
        int status = check(database, "--connector.sandbox.enabled=false",
                "--connector.centra.url=" + UNREACHABLE, "--connector.centra.token=t",
                "--connector.mappings-dir=" + dir.resolve("mappings"), "--connector.customer=acme");
        assertThat(status).isEqualTo(1);
        assertThat(output.getOut()).contains("header.fields[8].from: Order has no field 'grandTotl'");

        // A good mapping starts on the kept schema, with a warning, and check then reports Centra out of reach.
        int good = check(database, "--connector.sandbox.enabled=false",
                "--connector.centra.url=" + UNREACHABLE, "--connector.centra.token=t",
                "--logging.level.org.centraerp=WARN");
        assertThat(good).isEqualTo(1);
        assertThat(output.getOut()).contains("the mappings are checked against the one read last")
                .contains("check failed: Centra at http://127.0.0.1:9/graphql is unreachable");
    }
}
