package org.centraerp.connector.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.centraerp.connector.testsupport.ConnectorProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/**
 * {@code java -jar} outside the project folder: CONNECTOR_HOME names the folder with config/, routes/, mappings/
 * and var/ (PORT and config/ then apply); a folder without them is one line naming where the connector looked.
 */
class ConnectorHomeTest {

    private static final Path PROJECT = Path.of(System.getProperty("user.dir")).toAbsolutePath();

    @Test
    void homeAddsItsConfigFolderUnlessTheUserGaveOne() {
        String[] args = ConnectorHome.arguments(new String[] {"check"}, Map.of("CONNECTOR_HOME", "/opt/connector"));
        assertThat(args).containsExactly("check", "--connector.home=/opt/connector",
                "--spring.config.additional-location=optional:file:/opt/connector/config/");

        assertThat(ConnectorHome.arguments(new String[] {"--spring.config.additional-location=/etc/c/"},
                Map.of("CONNECTOR_HOME", "/opt/connector")))
                .containsExactly("--spring.config.additional-location=/etc/c/", "--connector.home=/opt/connector");
        assertThat(ConnectorHome.arguments(new String[] {"--connector.home=/srv/c"}, Map.of()))
                .containsExactly("--connector.home=/srv/c", "--spring.config.additional-location=optional:file:/srv/c/config/");
        assertThat(ConnectorHome.arguments(new String[] {"check"}, Map.of())).containsExactly("check");
    }

    @Test
    void relativePathsOfTheConfigurationStartFromTheHome() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("connector.mappings-dir", "mappings")
                .withProperty("connector.erp.folder", "/data/erp")
                .withProperty("camel.main.routes-include-pattern", "file:routes/*.camel.yaml,classpath:x.yaml")
                .withProperty("spring.datasource.url", "jdbc:h2:file:./var/state/connector;AUTO_SERVER=TRUE");

        Map<String, Object> resolved = ConnectorHome.resolve(Path.of("/opt/connector"), environment);

        assertThat(resolved).containsEntry("connector.mappings-dir", "/opt/connector/mappings")
                .doesNotContainKey("connector.erp.folder")
                .containsEntry("camel.main.routes-include-pattern",
                        "file:/opt/connector/routes/*.camel.yaml,classpath:x.yaml")
                .containsEntry("spring.datasource.url", "jdbc:h2:file:/opt/connector/var/state/connector;AUTO_SERVER=TRUE");
        assertThat(ConnectorHome.routeFolders("file:routes/*.camel.yaml,file:more/one.yaml,classpath:x"))
                .containsExactly(Path.of("routes"), Path.of("more"));
    }

    @Test
    void aFolderWithoutConfigurationIsOneLineNamingWhereItLooked(@TempDir Path elsewhere) throws IOException {
        try (ConnectorProcess connector = ConnectorProcess.start("no-config", elsewhere.resolve("connector.log"),
                elsewhere, Map.of(), List.of())) {
            assertThat(connector.exitCode(Duration.ofSeconds(120))).isNotZero();
            String log = connector.logText();
            assertThat(log).contains("no configuration found: " + elsewhere.toRealPath().resolve("config/application.yaml")
                    + " does not exist").contains("CONNECTOR_HOME");
            assertThat(log.lines()).noneMatch(line -> line.startsWith("\tat ") || line.startsWith("Caused by"));
        }
    }

    @Test
    void aHomeWithoutMappingsIsOneLineNamingWhereItLooked(@TempDir Path home) throws IOException {
        Files.createDirectories(home.resolve("config"));
        Files.copy(PROJECT.resolve("config/application.yaml"), home.resolve("config/application.yaml"));
        Files.createDirectories(home.resolve("routes"));
        try (ConnectorProcess connector = ConnectorProcess.start("no-mappings", home.resolve("connector.log"),
                PROJECT.getRoot(), Map.of("CONNECTOR_HOME", home.toString()), List.of())) {
            assertThat(connector.exitCode(Duration.ofSeconds(120))).isNotZero();
            String log = connector.logText();
            assertThat(log).contains("no mappings folder at " + home.resolve("mappings") + " (connector.mappings-dir)")
                    .contains("set CONNECTOR_HOME to that folder");
            assertThat(log.lines()).noneMatch(line -> line.startsWith("\tat ") || line.startsWith("Caused by"));
        }
    }

    @Test
    void connectorHomeAppliesItsConfigAndPortFromAnyWorkingFolder(@TempDir Path elsewhere) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (ConnectorProcess connector = ConnectorProcess.start("home", elsewhere.resolve("connector.log"), elsewhere,
                Map.of("CONNECTOR_HOME", PROJECT.toString(), "PORT", Integer.toString(port)),
                List.of("--spring.datasource.url=jdbc:h2:mem:home", "--connector.master-data.at-start=false",
                        "--connector.erp.folder=" + elsewhere.resolve("erp"),
                        "--connector.sandbox.rate-limit-tier=NONE"))) {
            await().atMost(Duration.ofSeconds(180)).until(connector::started);
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            // PORT applied: the connector's own health answers there (UP or not: other checks decide that)
            assertThat(health.statusCode()).as(health.body()).isIn(200, 503);
            assertThat(health.body()).contains("\"status\":").contains("\"centra\":{\"status\":\"UP\"");
            assertThat(connector.logText()).contains("Mappings of customer 'default' loaded from " + PROJECT.resolve(
                    "mappings/default"));
            assertThat(Files.isDirectory(elsewhere.resolve("erp/in/stock"))).isTrue();
        }
    }
}
