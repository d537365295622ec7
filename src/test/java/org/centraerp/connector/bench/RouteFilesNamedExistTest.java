package org.centraerp.connector.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every route file a test, a benchmark or a command names ({@code file:routes/<name>.camel.yaml}) exists: the
 * benchmarks run outside {@code mvn verify}, so a renamed route would otherwise break them unnoticed.
 */
class RouteFilesNamedExistTest {

    private static final Pattern ROUTE_FILE = Pattern.compile("file:(routes/[A-Za-z0-9_.-]+\\.camel\\.yaml)");

    @Test
    void everyRouteFileNamedInTheSourcesIsInRoutes() throws IOException {
        TreeSet<String> named = new TreeSet<>();
        for (Path folder : List.of(Path.of("src/main/java"), Path.of("src/test/java"))) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher matcher = ROUTE_FILE.matcher(Files.readString(file));
                    while (matcher.find()) {
                        named.add(matcher.group(1));
                    }
                }
            }
        }

        assertThat(named).as("route files named in the sources").isNotEmpty()
                .contains("routes/import-erp-file.camel.yaml");
        assertThat(named).allSatisfy(route -> assertThat(Path.of(route)).as(route).isRegularFile());
    }
}
