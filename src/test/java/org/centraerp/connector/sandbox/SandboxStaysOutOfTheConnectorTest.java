package org.centraerp.connector.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.centraerp.connector.sandbox.gateway.SandboxTokens;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Only the sandbox package knows the sandbox's tokens and path: the connector's production code and its shipped
 * configuration reach the sandbox through the sandbox's own auto-configuration ({@link SandboxAsCentra},
 * {@link SandboxEnvironment}), so a brand without it keeps nothing of it. Reads the source text as shipped.
 */
class SandboxStaysOutOfTheConnectorTest {

    private static final Path MAIN_JAVA = Path.of("src/main/java");
    private static final Path SANDBOX_JAVA = MAIN_JAVA.resolve("org/centraerp/connector/sandbox");
    private static final Path MAIN_RESOURCES = Path.of("src/main/resources");

    /** A sandbox token's text, the sandbox's URL path, or the sandbox classes that hold them. */
    private static final Pattern SANDBOX_SECRET = Pattern.compile(
            Pattern.quote(SandboxTokens.DEMO) + "|" + Pattern.quote(SandboxTokens.READ_ONLY) + "|"
                    + Pattern.quote(SandboxTokens.EXPIRED) + "|" + Pattern.quote(SandboxTokens.STORES_ONLY)
                    + "|sandbox-[a-z]+-token|\"/sandbox/|" + Pattern.quote(SandboxEnvironment.GRAPHQL_PATH)
                    + "|\\bSandboxTokens\\b|\\bSandboxEnvironment\\b|\\bSandboxAsCentra\\b");

    @Test
    void noProductionClassOutsideTheSandboxNamesItsTokenOrPath() {
        List<String> offenders = matches(javaFiles().filter(file -> !file.startsWith(SANDBOX_JAVA)));

        assertThat(offenders).as("production classes outside %s", SANDBOX_JAVA).isEmpty();
    }

    /** The scan finds what it looks for: the sandbox's own classes do name their token and path. */
    @Test
    void theScanSeesTheSandboxsOwnUses() {
        List<String> inSandbox = matches(javaFiles().filter(file -> file.startsWith(SANDBOX_JAVA)));

        assertThat(inSandbox).anyMatch(hit -> hit.contains("SandboxTokens.java"))
                .anyMatch(hit -> hit.contains("SandboxEnvironment.java"));
    }

    @Test
    void noResourceOutsideTheSandboxsFolderNamesItsTokenOrPath() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(MAIN_RESOURCES)) {
            offenders = matches(files.filter(Files::isRegularFile)
                    .filter(file -> !file.startsWith(MAIN_RESOURCES.resolve("sandbox")))
                    .filter(file -> !file.startsWith(MAIN_RESOURCES.resolve("META-INF")))
                    .toList().stream());
        }

        assertThat(offenders).isEmpty();
    }

    @Test
    void theShippedApplicationYamlMapsNoGraphQlEndpoint() throws IOException {
        Map<String, Object> yaml;
        try (InputStream in = Files.newInputStream(Path.of("config/application.yaml"))) {
            yaml = new Yaml().load(in);
        }

        assertThat(yaml).containsKey("spring");
        @SuppressWarnings("unchecked")
        Map<String, Object> spring = (Map<String, Object>) yaml.get("spring");
        assertThat(spring).as("spring.graphql in config/application.yaml belongs to the sandbox")
                .doesNotContainKey("graphql");
    }

    private static Stream<Path> javaFiles() {
        try (Stream<Path> files = Files.walk(MAIN_JAVA)) {
            return files.filter(file -> file.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "file:line: text" for every line that names the sandbox's token or path. */
    private static List<String> matches(Stream<Path> files) {
        List<String> hits = new ArrayList<>();
        files.forEach(file -> {
            String[] lines;
            try {
                // ISO-8859-1 reads any byte, so an image among the resources cannot stop the scan
                lines = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).split("\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (int i = 0; i < lines.length; i++) {
                if (SANDBOX_SECRET.matcher(lines[i]).find()) {
                    hits.add(file + ":" + (i + 1) + ": " + lines[i].trim());
                }
            }
        });
        return hits;
    }
}
